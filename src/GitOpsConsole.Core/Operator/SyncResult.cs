namespace GitOpsConsole.Core.Operator;

/// <summary>The outcome of a whole sync.</summary>
public enum SyncPhase
{
    /// <summary>Every object was applied (and pruned) as asked.</summary>
    Succeeded,

    /// <summary>Nothing could be applied (e.g. the chart did not render) or some object failed.</summary>
    Failed,
}

/// <summary>What a sync did to one object.</summary>
public enum ResourceSyncOutcome
{
    Created,
    Configured,
    Unchanged,
    Pruned,

    /// <summary>No longer in Git, left in place because prune was off.</summary>
    PruneSkipped,
    Failed,

    /// <summary>Not applied: another object failed validation, and a sync applies all of Git or nothing.</summary>
    Skipped,
}

/// <summary>One object's line in a sync report.</summary>
public sealed record ResourceSyncResult(ResourceKey Resource, ResourceSyncOutcome Outcome, string Message = "");

/// <summary>The report of one sync: which revision, when, and what happened to each object.</summary>
public sealed record SyncResult(
    string Application,
    string? Revision,
    SyncPhase Phase,
    string Message,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<ResourceSyncResult> Resources)
{
    public bool Succeeded => Phase == SyncPhase.Succeeded;
}
