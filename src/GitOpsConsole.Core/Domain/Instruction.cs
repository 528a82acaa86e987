namespace GitOpsConsole.Core.Domain;

/// <summary>
/// What a person told a running agent ("wait until 17:00", "skip the rollout"). Stored when sent; the run reads it at
/// its next step, as the user's message, and writes it to its trace.
/// </summary>
public sealed class Instruction
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public required string Text { get; set; }
    public required string SentBy { get; set; }
    public DateTimeOffset SentAt { get; set; }
    /// <summary>When the run took it into its conversation; null while it waits for the run's next step.</summary>
    public DateTimeOffset? ReadAt { get; set; }
}
