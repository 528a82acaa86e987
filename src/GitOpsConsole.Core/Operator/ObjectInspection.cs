using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Operator;

/// <summary>
/// One object as an inspection found it: its standing against Git (drift already filtered), its health, and
/// both sides (Git's manifest, the live object) for a desired-vs-live view. Either side is null when absent.
/// </summary>
public sealed record ObjectInspection(
    ResourceKey Key,
    string ApiVersion,
    SyncStatus Sync,
    ResourceDiff? Diff,
    HealthResult Health,
    JsonObject? Desired,
    JsonObject? Live);

/// <summary>What <c>operator.status</c> answers plus every object's sides: what drift detection works from.</summary>
public sealed record ApplicationInspection(ApplicationStatus Status, IReadOnlyList<ObjectInspection> Objects)
{
    /// <summary>False when Git's state or the cluster could not be read: the comparison proves nothing about drift.</summary>
    public bool Conclusive => Status.Sync != SyncStatus.Unknown || Objects.Count > 0 && Objects.All(o => o.Sync != SyncStatus.Unknown);
}
