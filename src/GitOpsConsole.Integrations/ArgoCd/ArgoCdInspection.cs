using System.Text.Json.Nodes;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.ArgoCd;

/// <summary>
/// Argo CD's view of one application in the console's terms: its status (Argo CD's sync and health words) and,
/// per managed object, Git's manifest beside the normalized live state with the fields that differ.
/// </summary>
/// <param name="ArgoApplication">The name Argo CD knows the application by.</param>
/// <param name="LastSyncFinishedAt">When Argo CD's last operation finished, to tell a sync's fix from a live revert.</param>
public sealed record ArgoCdInspection(string ArgoApplication, string SyncStatus, string HealthStatus, ApplicationInspection Inspection, DateTimeOffset? LastSyncFinishedAt)
{
    public static ArgoCdInspection From(string console, ArgoApplication argo, IReadOnlyList<ArgoManagedResource> managed, DriftFilter filter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(argo);
        ArgumentNullException.ThrowIfNull(managed);
        ArgumentNullException.ThrowIfNull(filter);
        var health = argo.Resources.GroupBy(s => new ResourceKey(s.Group, s.Kind, s.Namespace, s.Name)).ToDictionary(g => g.Key, g => g.First());
        var objects = managed.Select(r => Inspect(r, health, filter)).ToList();
        var status = ArgoCdMapping.ToStatus(console, argo, now);
        return new ArgoCdInspection(argo.Name, argo.SyncStatus, argo.HealthStatus, new ApplicationInspection(status, objects), argo.Operation?.FinishedAt);
    }

    /// <summary>
    /// One managed object's diff. Argo CD's own verdict (<c>modified</c>) decides whether it differs at all, since
    /// its normalization (ignoreDifferences, defaults, quantities) already ran; the fields come from comparing the
    /// two states as the embedded operator compares: only what the manifest sets, never status or server metadata.
    /// </summary>
    public static ResourceDiff Diff(ArgoManagedResource resource, DriftFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Diff(KeyOf(resource), Parse(resource.TargetState), Parse(resource.LiveState), resource.Modified, filter);
    }

    private static ResourceDiff Diff(ResourceKey key, JsonObject? desired, JsonObject? live, bool modified, DriftFilter? filter) =>
        (desired, live) switch
        {
            (null, null) => new ResourceDiff(key, ResourceDiffKind.Equal, []),
            (not null, null) => new ResourceDiff(key, ResourceDiffKind.Missing, []),
            (null, not null) => new ResourceDiff(key, ResourceDiffKind.Extra, []),
            _ when !modified => new ResourceDiff(key, ResourceDiffKind.Equal, []),
            _ => (filter ?? DriftFilter.None).Keep(key, ManifestComparer.Compare(desired, live), live) is { Count: > 0 } fields
                ? new ResourceDiff(key, ResourceDiffKind.Modified, fields)
                : new ResourceDiff(key, ResourceDiffKind.Equal, []),
        };

    private static ObjectInspection Inspect(ArgoManagedResource r, Dictionary<ResourceKey, ArgoResourceStatus> statuses, DriftFilter filter)
    {
        var key = KeyOf(r);
        var (desired, live) = (Parse(r.TargetState), Parse(r.LiveState));
        var diff = Diff(key, desired, live, r.Modified, filter);
        var health = statuses.GetValueOrDefault(key) is { HealthStatus.Length: > 0 } known
            ? new HealthResult(ArgoCdMapping.Health(known.HealthStatus), known.HealthMessage)
            : HealthResult.Healthy();
        var apiVersion = JsonRead.Str(desired, "apiVersion") ?? JsonRead.Str(live, "apiVersion") ?? "";
        var sync = diff.InSync ? Core.Domain.SyncStatus.Synced : Core.Domain.SyncStatus.OutOfSync;
        return new ObjectInspection(diff.Resource, apiVersion, sync, diff, health, desired, live);
    }

    private static ResourceKey KeyOf(ArgoManagedResource r) => new(r.Group, r.Kind, r.Namespace, r.Name);

    private static JsonObject? Parse(string? state) => state is null ? null : JsonNode.Parse(state) as JsonObject;
}
