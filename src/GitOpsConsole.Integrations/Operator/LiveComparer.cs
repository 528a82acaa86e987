using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// Compares Git's objects with the cluster: each desired object against its live copy (only the fields Git
/// sets, minus what the drift filter leaves alone), plus the objects this application owns that Git no longer
/// has. Workloads are judged with their pods.
/// </summary>
internal sealed class LiveComparer(ILiveView direct)
{
    private static readonly HashSet<string> Workloads = new(StringComparer.Ordinal) { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" };

    public Task<IReadOnlyList<ObjectComparison>> CompareAsync(string application, DesiredState desired, CancellationToken cancellationToken) =>
        CompareAsync(application, desired, DriftFilter.None, direct, cancellationToken);

    public static async Task<IReadOnlyList<ObjectComparison>> CompareAsync(
        string application, DesiredState desired, DriftFilter filter, ILiveView view, CancellationToken cancellationToken)
    {
        var results = new List<ObjectComparison>();
        foreach (var item in desired.Objects)
        {
            results.Add(await CompareAsync(item, filter, view, cancellationToken));
        }

        var wanted = desired.Objects.Select(o => o.Key).ToHashSet();
        foreach (var owned in await view.OwnedAsync(application, cancellationToken))
        {
            if (!wanted.Contains(owned.Key))
            {
                results.Add(new ObjectComparison(owned.Key, owned.Resource.ApiVersion, SyncStatus.OutOfSync,
                    new ResourceDiff(owned.Key, ResourceDiffKind.Extra, []), await HealthOfAsync(owned.Json, view, cancellationToken), null, owned.Json));
            }
        }

        return results;
    }

    private static async Task<ObjectComparison> CompareAsync(DesiredObject item, DriftFilter filter, ILiveView view, CancellationToken cancellationToken)
    {
        var apiVersion = JsonRead.Str(item.Manifest, "apiVersion") ?? "";
        if (item.Error is not null)
        {
            return new ObjectComparison(item.Key, apiVersion, SyncStatus.Unknown, null, new HealthResult(HealthStatus.Unknown, item.Error), item.Manifest);
        }

        var live = item.Resource is null ? null : await view.GetAsync(item.Resource, item.Key, cancellationToken);
        if (live is null)
        {
            return new ObjectComparison(item.Key, apiVersion, SyncStatus.OutOfSync,
                new ResourceDiff(item.Key, ResourceDiffKind.Missing, []), HealthAssessor.Assess(null), item.Manifest);
        }

        var fields = filter.Keep(item.Key, ManifestComparer.Compare(item.Manifest, live), live);
        var diff = new ResourceDiff(item.Key, fields.Count == 0 ? ResourceDiffKind.Equal : ResourceDiffKind.Modified, fields);
        return new ObjectComparison(item.Key, apiVersion, diff.InSync ? SyncStatus.Synced : SyncStatus.OutOfSync, diff,
            await HealthOfAsync(live, view, cancellationToken), item.Manifest, live);
    }

    /// <summary>The health of every object the application owns in the cluster, without reading Git.</summary>
    public async Task<IReadOnlyList<(ResourceKey Key, HealthResult Health)>> OwnedHealthAsync(string application, CancellationToken cancellationToken)
    {
        var results = new List<(ResourceKey, HealthResult)>();
        foreach (var owned in await direct.OwnedAsync(application, cancellationToken))
        {
            results.Add((owned.Key, await HealthOfAsync(owned.Json, direct, cancellationToken)));
        }

        return results;
    }

    private static async Task<HealthResult> HealthOfAsync(JsonObject live, ILiveView view, CancellationToken cancellationToken)
    {
        var health = HealthAssessor.Assess(live);
        var isWorkload = ResourceKey.GroupOf(JsonRead.Str(live, "apiVersion") ?? "") == "apps" && Workloads.Contains(JsonRead.Str(live, "kind") ?? "");
        return isWorkload ? HealthAssessor.WithPods(health, await view.PodsOfAsync(live, cancellationToken)) : health;
    }
}
