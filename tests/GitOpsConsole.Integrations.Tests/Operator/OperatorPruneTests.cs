using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using k8s;
using k8s.Models;

namespace GitOpsConsole.Integrations.Tests.Operator;

[Collection(OperatorTestGroup.Name)]
public sealed class OperatorPruneTests(OperatorCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SyncAsync_ServiceAccountRemovedFromGitWithPrune_DeletesIt()
    {
        using var harness = await SyncedThenServiceAccountDroppedAsync("sf-prune");

        var result = await harness.SyncAsync(prune: true);

        Assert.True(result.Succeeded, result.Message);
        var pruned = Assert.Single(result.Resources, r => r.Outcome == ResourceSyncOutcome.Pruned);
        Assert.Equal(new ResourceKey("", "ServiceAccount", "sf-prune", "sf-prune"), pruned.Resource);
        Assert.False(await ServiceAccountExistsAsync("sf-prune"));
        await harness.WaitForStatusAsync(s => s.Sync == SyncStatus.Synced && s.Health == HealthStatus.Healthy);
    }

    [Fact]
    public async Task SyncAsync_ServiceAccountRemovedFromGitWithoutPrune_KeepsItAndStaysOutOfSync()
    {
        using var harness = await SyncedThenServiceAccountDroppedAsync("sf-keep");

        var result = await harness.SyncAsync(prune: false);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(ResourceSyncOutcome.PruneSkipped, Assert.Single(result.Resources, r => r.Resource.Kind == "ServiceAccount").Outcome);
        Assert.True(await ServiceAccountExistsAsync("sf-keep"));
        var status = await harness.Operator.StatusAsync(harness.App, Ct);
        Assert.Equal(SyncStatus.OutOfSync, status.Sync);
        var leftover = Assert.Single(status.Resources, r => r.RequiresPruning);
        Assert.Equal(("ServiceAccount", SyncStatus.OutOfSync), (leftover.Resource.Kind, leftover.Sync));
        Assert.Contains(await harness.Operator.DiffAsync(harness.App, cancellationToken: Ct), d => d.Kind == ResourceDiffKind.Extra && d.Resource == leftover.Resource);
    }

    [Fact]
    public async Task SyncAsync_ObjectsWithoutThisAppsTrackingId_NeverDeleted()
    {
        using var harness = new OperatorHarness(cluster, "sf-foreign");
        Assert.True((await harness.SyncAsync(prune: true)).Succeeded);
        var labels = new Dictionary<string, string> { [TrackingId.AppLabel] = "sf-foreign" };
        var copiedId = TrackingId.For("sf-foreign", new ResourceKey("", "ServiceAccount", "sf-foreign", "sf-foreign"));
        await CreateConfigMapAsync("sf-foreign", "labelled-only", labels, annotations: null);
        await CreateConfigMapAsync("sf-foreign", "copied-annotation", labels, new Dictionary<string, string> { [TrackingId.Annotation] = copiedId });
        await CreateConfigMapAsync("sf-foreign", "other-app", new Dictionary<string, string> { [TrackingId.AppLabel] = "someone-else" },
            new Dictionary<string, string> { [TrackingId.Annotation] = "someone-else:/ConfigMap:sf-foreign/other-app" });

        var result = await harness.SyncAsync(prune: true);

        Assert.True(result.Succeeded, result.Message);
        Assert.DoesNotContain(result.Resources, r => r.Resource.Kind == "ConfigMap");
        foreach (var name in new[] { "labelled-only", "copied-annotation", "other-app" })
        {
            Assert.True(await ClusterReads.ExistsAsync(() => cluster.Kubernetes.CoreV1.ReadNamespacedConfigMapAsync(name, "sf-foreign", cancellationToken: Ct)), name);
        }
    }

    private async Task<OperatorHarness> SyncedThenServiceAccountDroppedAsync(string name)
    {
        var harness = new OperatorHarness(cluster, name, branch: "test/" + name);
        await harness.BranchFromMainAsync();
        Assert.True((await harness.SyncAsync(prune: true)).Succeeded);
        Assert.True(await ServiceAccountExistsAsync(name));
        await harness.EditChartFileAsync("values.yaml", text => text.Replace("  create: true", "  create: false", StringComparison.Ordinal));
        return harness;
    }

    private Task<bool> ServiceAccountExistsAsync(string name) =>
        ClusterReads.ExistsAsync(() => cluster.Kubernetes.CoreV1.ReadNamespacedServiceAccountAsync(name, name, cancellationToken: Ct));

    private Task<V1ConfigMap> CreateConfigMapAsync(string ns, string name, Dictionary<string, string> labels, Dictionary<string, string>? annotations) =>
        cluster.Kubernetes.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels, Annotations = annotations }, Data = new Dictionary<string, string> { ["k"] = "v" } },
            ns, cancellationToken: Ct);
}
