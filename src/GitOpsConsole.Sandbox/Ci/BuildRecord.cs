namespace GitOpsConsole.Sandbox.Ci;

public enum BuildStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    TimedOut,
}

/// <summary>One build of one commit, as persisted. Immutable: every change is a new record.</summary>
public sealed record BuildRecord(
    string Id,
    string Repository,
    string Commit,
    BuildStatus Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    IReadOnlyList<StepRecord>? Steps = null,
    string? Image = null,
    string? ImageDigest = null,
    string? Error = null)
{
    public bool IsFinished => Status is not (BuildStatus.Queued or BuildStatus.Running);

    /// <summary>One id per (repository, commit): that is what makes triggering idempotent.</summary>
    public static string IdFor(string repository, string commit) => $"{repository}-{commit}";
}

public sealed record StepRecord(string Name, BuildStatus Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt = null, int? ExitCode = null);
