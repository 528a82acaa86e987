using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using k8s;
using k8s.Models;

namespace GitOpsConsole.Integrations.Tests.Operator;

[Collection(OperatorTestGroup.Name)]
public sealed class OperatorSyncTests(OperatorCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SyncAsync_SeededStorefront_CreatesObjectsWithFieldManagerAndBecomesSyncedHealthy()
    {
        using var harness = new OperatorHarness(cluster, "sf-basic");

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(40, result.Revision!.Length);
        Assert.Equal(["Namespace", "ServiceAccount", "Service", "Deployment"], result.Resources.Select(r => r.Resource.Kind));
        Assert.All(result.Resources, r => Assert.Equal(ResourceSyncOutcome.Created, r.Outcome));
        var k8s = cluster.Kubernetes;
        V1ObjectMeta[] metas =
        [
            (await k8s.CoreV1.ReadNamespaceAsync("sf-basic", cancellationToken: Ct)).Metadata,
            (await k8s.CoreV1.ReadNamespacedServiceAccountAsync("sf-basic", "sf-basic", cancellationToken: Ct)).Metadata,
            (await k8s.CoreV1.ReadNamespacedServiceAsync("sf-basic", "sf-basic", cancellationToken: Ct)).Metadata,
            (await k8s.AppsV1.ReadNamespacedDeploymentAsync("sf-basic", "sf-basic", cancellationToken: Ct)).Metadata,
        ];
        Assert.All(metas, m => Assert.Contains(m.ManagedFields, f => f.Manager == "gitops-console" && f.Operation == "Apply"));
        Assert.Equal("sf-basic:apps/Deployment:sf-basic/sf-basic", metas[3].Annotations[TrackingId.Annotation]);

        var status = await harness.WaitForStatusAsync(s => s.Health == HealthStatus.Healthy);
        Assert.Equal(SyncStatus.Synced, status.Sync);
        Assert.Equal(result.Revision, status.Revision);
        Assert.All(status.Resources, r => Assert.Equal((SyncStatus.Synced, HealthStatus.Healthy), (r.Sync, r.Health)));
    }

    [Fact]
    public async Task SyncAsync_Twice_LeavesUnchangedObjectsAlone()
    {
        using var harness = new OperatorHarness(cluster, "sf-twice", repository: "catalog");
        Assert.True((await harness.SyncAsync()).Succeeded);
        await harness.WaitForStatusAsync(s => s.Health == HealthStatus.Healthy);
        var before = await ResourceVersionsAsync("sf-twice");

        var second = await harness.SyncAsync();

        Assert.True(second.Succeeded, second.Message);
        Assert.All(second.Resources, r => Assert.Equal(ResourceSyncOutcome.Unchanged, r.Outcome));
        Assert.Equal(before, await ResourceVersionsAsync("sf-twice"));
    }

    [Fact]
    public async Task StatusAsync_ScaledByAnotherManager_OutOfSyncWithReplicasDiffUntilResync()
    {
        using var harness = new OperatorHarness(cluster, "sf-scale");
        Assert.True((await harness.SyncAsync()).Succeeded);
        await harness.WaitForStatusAsync(s => s.Sync == SyncStatus.Synced && s.Health == HealthStatus.Healthy);

        var patch = new V1Patch("""{"spec":{"replicas":3}}""", V1Patch.PatchType.MergePatch);
        await cluster.Kubernetes.AppsV1.PatchNamespacedDeploymentAsync(patch, "sf-scale", "sf-scale", fieldManager: "kubectl-scale", cancellationToken: Ct);

        var drifted = await harness.WaitForStatusAsync(s => s.Sync == SyncStatus.OutOfSync);
        var deployment = Assert.Single(drifted.Resources, r => r.Resource.Kind == "Deployment");
        Assert.Equal(SyncStatus.OutOfSync, deployment.Sync);
        var diff = Assert.Single(await harness.Operator.DiffAsync(harness.App, cancellationToken: Ct), d => !d.InSync);
        Assert.Equal((ResourceDiffKind.Modified, new FieldDiff("spec.replicas", "1", "3")), (diff.Kind, Assert.Single(diff.Fields)));

        var resync = await harness.SyncAsync();

        Assert.Equal(ResourceSyncOutcome.Configured, Assert.Single(resync.Resources, r => r.Resource.Kind == "Deployment").Outcome);
        var live = await cluster.Kubernetes.AppsV1.ReadNamespacedDeploymentAsync("sf-scale", "sf-scale", cancellationToken: Ct);
        Assert.Equal(1, live.Spec.Replicas);
        await harness.WaitForStatusAsync(s => s.Sync == SyncStatus.Synced && s.Health == HealthStatus.Healthy);
    }

    private async Task<Dictionary<string, string>> ResourceVersionsAsync(string ns)
    {
        var k8s = cluster.Kubernetes;
        return new Dictionary<string, string>
        {
            ["namespace"] = (await k8s.CoreV1.ReadNamespaceAsync(ns, cancellationToken: Ct)).Metadata.ResourceVersion,
            ["serviceaccount"] = (await k8s.CoreV1.ReadNamespacedServiceAccountAsync(ns, ns, cancellationToken: Ct)).Metadata.ResourceVersion,
            ["service"] = (await k8s.CoreV1.ReadNamespacedServiceAsync(ns, ns, cancellationToken: Ct)).Metadata.ResourceVersion,
            ["deployment"] = (await k8s.AppsV1.ReadNamespacedDeploymentAsync(ns, ns, cancellationToken: Ct)).Metadata.ResourceVersion,
        };
    }
}
