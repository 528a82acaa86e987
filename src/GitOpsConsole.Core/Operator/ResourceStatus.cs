using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Operator;

/// <summary>One object of an application as the status view lists it (§5: group, kind, namespace, name, sync, health).</summary>
public sealed record ResourceStatus(
    ResourceKey Resource,
    string ApiVersion,
    SyncStatus Sync,
    HealthStatus Health,
    string HealthMessage,
    bool RequiresPruning = false);
