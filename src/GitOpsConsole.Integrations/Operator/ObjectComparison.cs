using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// One object's standing: how it compares with Git (null when it could not be compared), its health, and the
/// two sides it was judged from (either null when absent).
/// </summary>
internal sealed record ObjectComparison(ResourceKey Key, string ApiVersion, SyncStatus Sync, ResourceDiff? Diff, HealthResult Health,
    JsonObject? Desired = null, JsonObject? Live = null)
{
    public bool RequiresPruning => Diff?.Kind == ResourceDiffKind.Extra;

    public ResourceStatus ToStatus() => new(Key, ApiVersion, Sync, Health.Status, Health.Message, RequiresPruning);

    public ObjectInspection ToInspection() => new(Key, ApiVersion, Sync, Diff, Health, Desired, Live);
}
