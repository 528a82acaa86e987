namespace GitOpsConsole.Core.Domain;

/// <summary>One tool call of a run, persisted as it happens (both engines).</summary>
public sealed class Step
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public int Sequence { get; set; }
    /// <summary>Toolbox name, e.g. <c>ci.trigger_build</c>.</summary>
    public required string Tool { get; set; }
    /// <summary>One line a person reads in the timeline, e.g. "build storefront@1a2b3c4 succeeded".</summary>
    public string? Summary { get; set; }
    public string? InputJson { get; set; }
    public string? OutputJson { get; set; }
    public StepStatus Status { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Log { get; set; }
}
