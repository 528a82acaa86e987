using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// Compares Git's objects with the cluster: each desired object against its live copy (only the fields Git
/// sets), plus the objects this application owns that Git no longer has. Workloads are judged with their pods.
/// </summary>
internal sealed class LiveComparer(LiveStateReader reader)
{
    private static readonly HashSet<string> Workloads = new(StringComparer.Ordinal) { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" };

    public async Task<IReadOnlyList<ObjectComparison>> CompareAsync(string application, DesiredState desired, CancellationToken cancellationToken)
    {
        var results = new List<ObjectComparison>();
        foreach (var item in desired.Objects)
        {
            results.Add(await CompareAsync(item, cancellationToken));
        }

        var wanted = desired.Objects.Select(o => o.Key).ToHashSet();
        foreach (var owned in await reader.OwnedAsync(application, cancellationToken))
        {
            if (!wanted.Contains(owned.Key))
            {
                results.Add(new ObjectComparison(owned.Key, owned.Resource.ApiVersion, SyncStatus.OutOfSync,
                    new ResourceDiff(owned.Key, ResourceDiffKind.Extra, []), await HealthOfAsync(owned.Json, cancellationToken)));
            }
        }

        return results;
    }

    private async Task<ObjectComparison> CompareAsync(DesiredObject item, CancellationToken cancellationToken)
    {
        var apiVersion = JsonRead.Str(item.Manifest, "apiVersion") ?? "";
        if (item.Error is not null)
        {
            return new ObjectComparison(item.Key, apiVersion, SyncStatus.Unknown, null, new HealthResult(HealthStatus.Unknown, item.Error));
        }

        var live = item.Resource is null ? null : await reader.GetAsync(item.Resource, item.Key, cancellationToken);
        if (live is null)
        {
            return new ObjectComparison(item.Key, apiVersion, SyncStatus.OutOfSync,
                new ResourceDiff(item.Key, ResourceDiffKind.Missing, []), HealthAssessor.Assess(null));
        }

        var fields = ManifestComparer.Compare(item.Manifest, live);
        var diff = new ResourceDiff(item.Key, fields.Count == 0 ? ResourceDiffKind.Equal : ResourceDiffKind.Modified, fields);
        return new ObjectComparison(item.Key, apiVersion, diff.InSync ? SyncStatus.Synced : SyncStatus.OutOfSync, diff,
            await HealthOfAsync(live, cancellationToken));
    }

    /// <summary>The health of every object the application owns in the cluster, without reading Git.</summary>
    public async Task<IReadOnlyList<(ResourceKey Key, HealthResult Health)>> OwnedHealthAsync(string application, CancellationToken cancellationToken)
    {
        var results = new List<(ResourceKey, HealthResult)>();
        foreach (var owned in await reader.OwnedAsync(application, cancellationToken))
        {
            results.Add((owned.Key, await HealthOfAsync(owned.Json, cancellationToken)));
        }

        return results;
    }

    private async Task<HealthResult> HealthOfAsync(JsonObject live, CancellationToken cancellationToken)
    {
        var health = HealthAssessor.Assess(live);
        var isWorkload = ResourceKey.GroupOf(JsonRead.Str(live, "apiVersion") ?? "") == "apps" && Workloads.Contains(JsonRead.Str(live, "kind") ?? "");
        return isWorkload ? HealthAssessor.WithPods(health, await reader.PodsOfAsync(live, cancellationToken)) : health;
    }
}
