namespace GitOpsConsole.Integrations.ArgoCd;

/// <summary>An Argo CD application as the console reads it (the fields of <c>v1alpha1.Application</c> it uses).</summary>
public sealed record ArgoApplication(
    string Name,
    string? TargetRevision,
    string? SyncRevision,
    string SyncStatus,
    string HealthStatus,
    string HealthMessage,
    bool AutoSync,
    IReadOnlyList<ArgoResourceStatus> Resources,
    IReadOnlyList<ArgoHistoryEntry> History,
    ArgoOperationState? Operation,
    string? ConditionMessage);

public sealed record ArgoResourceStatus(
    string Group, string Version, string Kind, string Namespace, string Name, string Status, string HealthStatus, string HealthMessage, bool RequiresPruning);

/// <summary>One entry of <c>status.history</c>: a sync that deployed (Argo CD records no failed ones there).</summary>
/// <param name="InitiatedBy">The user who asked, <c>automated</c> for auto-sync, empty when Argo CD did not say.</param>
public sealed record ArgoHistoryEntry(long Id, string Revision, DateTimeOffset? DeployedAt, DateTimeOffset? DeployStartedAt = null, string InitiatedBy = "");

/// <summary>The last (or running) operation: phase is Running, Terminating, Succeeded, Failed or Error.</summary>
public sealed record ArgoOperationState(
    string Phase, string Message, string? Revision, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, IReadOnlyList<ArgoSyncedResource> Resources)
{
    public bool IsFinished => Phase is "Succeeded" or "Failed" or "Error";
}

/// <summary>One object's line in a sync result: status Synced, SyncFailed, Pruned or PruneSkipped.</summary>
public sealed record ArgoSyncedResource(string Group, string Kind, string Namespace, string Name, string Status, string Message);

/// <summary>One object of <c>managed-resources</c>: Git's manifest and the live one, normalized, as JSON text.</summary>
public sealed record ArgoManagedResource(string Group, string Kind, string Namespace, string Name, string? TargetState, string? LiveState, bool Modified);

public sealed record ArgoTreeNode(string Group, string Version, string Kind, string Namespace, string Name, string? HealthStatus, string? HealthMessage, IReadOnlyList<string> Parents);

public sealed record ArgoEvent(string Type, string Reason, string Message, string InvolvedKind, string InvolvedName, DateTimeOffset? LastTimestamp, int Count);

/// <summary>What <c>POST …/sync</c> asks for.</summary>
public sealed record ArgoSyncRequest(string? Revision = null, bool Prune = false, bool DryRun = false);
