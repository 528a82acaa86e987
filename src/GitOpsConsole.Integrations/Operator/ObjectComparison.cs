using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>One object's standing: how it compares with Git (null when it could not be compared) and its health.</summary>
internal sealed record ObjectComparison(ResourceKey Key, string ApiVersion, SyncStatus Sync, ResourceDiff? Diff, HealthResult Health)
{
    public bool RequiresPruning => Diff?.Kind == ResourceDiffKind.Extra;

    public ResourceStatus ToStatus() => new(Key, ApiVersion, Sync, Health.Status, Health.Message, RequiresPruning);
}
