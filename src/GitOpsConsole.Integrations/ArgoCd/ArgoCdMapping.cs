using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.ArgoCd;

/// <summary>Argo CD's sync and health words are the console's; operations and sync results map onto its reports.</summary>
internal static class ArgoCdMapping
{
    public static SyncStatus Sync(string status) => Enum.TryParse<SyncStatus>(status, out var s) ? s : SyncStatus.Unknown;

    public static HealthStatus Health(string status) => Enum.TryParse<HealthStatus>(status, out var h) ? h : HealthStatus.Unknown;

    public static ApplicationStatus ToStatus(string application, ArgoApplication argo, DateTimeOffset now) => new(
        application,
        argo.SyncRevision,
        Sync(argo.SyncStatus),
        Health(argo.HealthStatus),
        argo.HealthMessage,
        [.. argo.Resources.Select(r => new ResourceStatus(
            new ResourceKey(r.Group, r.Kind, r.Namespace, r.Name),
            r.Group.Length == 0 ? r.Version : $"{r.Group}/{r.Version}",
            Sync(r.Status),
            r.HealthStatus.Length == 0 ? HealthStatus.Healthy : Health(r.HealthStatus),
            r.HealthMessage,
            r.RequiresPruning))],
        now,
        Sync(argo.SyncStatus) == SyncStatus.Unknown ? argo.ConditionMessage : null);

    public static SyncResult ToSyncResult(string application, ArgoOperationState op, DateTimeOffset started, DateTimeOffset finished, string initiatedBy) => new(
        application,
        op.Revision,
        op.Phase == "Succeeded" ? SyncPhase.Succeeded : SyncPhase.Failed,
        $"Argo CD {op.Phase.ToLowerInvariant()}: {op.Message} (asked by {initiatedBy})",
        op.StartedAt ?? started,
        op.FinishedAt ?? finished,
        [.. op.Resources.Select(r => new ResourceSyncResult(new ResourceKey(r.Group, r.Kind, r.Namespace, r.Name), Outcome(r.Status, r.Message), r.Message))]);

    // Argo CD's per-object result says Synced for both created and changed objects; its message tells which.
    private static ResourceSyncOutcome Outcome(string status, string message) => status switch
    {
        "Synced" when message.EndsWith("created", StringComparison.Ordinal) => ResourceSyncOutcome.Created,
        "Synced" when message.EndsWith("unchanged", StringComparison.Ordinal) => ResourceSyncOutcome.Unchanged,
        "Synced" => ResourceSyncOutcome.Configured,
        "Pruned" => ResourceSyncOutcome.Pruned,
        "PruneSkipped" => ResourceSyncOutcome.PruneSkipped,
        _ => ResourceSyncOutcome.Failed,
    };
}
