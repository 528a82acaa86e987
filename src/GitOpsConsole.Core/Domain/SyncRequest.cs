namespace GitOpsConsole.Core.Domain;

/// <summary>
/// A sync a person asked for on a follower. Only the leader runs the operator, so the request waits in the store
/// until the leader claims it (<see cref="StartedAt"/>) and records how it ended.
/// </summary>
public sealed class SyncRequest
{
    public Guid Id { get; set; }
    public int ApplicationId { get; set; }
    /// <summary>The commit to sync to, resolved when asked; null = the head of the application's branch.</summary>
    public string? Revision { get; set; }
    public required string InitiatedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public bool? Succeeded { get; set; }
    public string? Message { get; set; }
}
