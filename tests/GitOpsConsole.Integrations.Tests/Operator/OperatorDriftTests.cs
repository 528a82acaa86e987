using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Integrations.Operator;
using k8s;
using k8s.Models;

namespace GitOpsConsole.Integrations.Tests.Operator;

[Collection(OperatorTestGroup.Name)]
public sealed class OperatorDriftTests(OperatorCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<V1Scale> ScaleAsync(string name, int replicas, string? fieldManager = null) =>
        cluster.Kubernetes.AppsV1.PatchNamespacedDeploymentScaleAsync(
            new V1Patch($"{{\"spec\":{{\"replicas\":{replicas}}}}}", V1Patch.PatchType.MergePatch), name, name, fieldManager: fieldManager, cancellationToken: Ct);

    [Fact]
    public async Task InspectAsync_ScaledByHand_ReplicasDriftWithBothSides()
    {
        using var harness = new OperatorHarness(cluster, "drift-scale");
        Assert.True((await harness.SyncAsync()).Succeeded);

        await ScaleAsync("drift-scale", 4);
        var inspection = await harness.Operator.InspectAsync(harness.App, DriftFilter.None, fetch: false, Ct);

        Assert.Equal(SyncStatus.OutOfSync, inspection.Status.Sync);
        var drift = Assert.Single(DriftObservation.From(inspection));
        Assert.Equal((new ResourceKey("apps", "Deployment", "drift-scale", "drift-scale"), "/spec/replicas", "4"), (drift.Resource, drift.Path, drift.Live));
        var deployment = inspection.Objects.Single(o => o.Key.Kind == "Deployment");
        Assert.Equal(4, deployment.Live!["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(drift.Desired, deployment.Desired!["spec"]!["replicas"]!.ToJsonString());
    }

    [Fact]
    public async Task InspectAsync_ReplicasOwnedByTheAutoscaler_Synced()
    {
        using var harness = new OperatorHarness(cluster, "drift-hpa");
        Assert.True((await harness.SyncAsync()).Succeeded);

        await ScaleAsync("drift-hpa", 5, fieldManager: "kube-controller-manager");
        var inspection = await harness.Operator.InspectAsync(harness.App, DriftFilter.None, fetch: false, Ct);

        Assert.Equal(SyncStatus.Synced, inspection.Status.Sync);
        Assert.Empty(DriftObservation.From(inspection));
    }

    [Fact]
    public async Task InspectAsync_IgnoreRuleForReplicas_SyncedDespiteTheScale()
    {
        using var harness = new OperatorHarness(cluster, "drift-ignored");
        Assert.True((await harness.SyncAsync()).Succeeded);
        var filter = new DriftFilter([new DriftIgnoreRule { Group = "apps", Kind = "Deployment", JsonPointer = "/spec/replicas", CreatedBy = "alice" }]);

        await ScaleAsync("drift-ignored", 3);
        var inspection = await harness.Operator.InspectAsync(harness.App, filter, fetch: false, Ct);

        Assert.Equal(SyncStatus.Synced, inspection.Status.Sync);
    }

    [Fact]
    public async Task SweepAsync_ListedOnce_SameVerdictAsOneByOne()
    {
        using var drifted = new OperatorHarness(cluster, "sweep-a");
        using var clean = new OperatorHarness(cluster, "sweep-b");
        Assert.True((await drifted.SyncAsync()).Succeeded);
        Assert.True((await clean.SyncAsync()).Succeeded);
        await ScaleAsync("sweep-a", 6);
        await cluster.Kubernetes.CoreV1.DeleteNamespacedServiceAsync("sweep-b", "sweep-b", cancellationToken: Ct);

        // Each harness's mirror knows only its own application, so each operator sweeps its own.
        IReadOnlyList<ApplicationInspection> swept =
        [
            .. await drifted.Operator.SweepAsync([drifted.App], _ => DriftFilter.None, fetch: false, Ct),
            .. await clean.Operator.SweepAsync([clean.App], _ => DriftFilter.None, fetch: true, Ct),
        ];
        var one = await drifted.Operator.InspectAsync(drifted.App, DriftFilter.None, fetch: false, Ct);

        Assert.Equal(one.Status.Sync, swept[0].Status.Sync);
        Assert.Equal(DriftObservation.From(one), DriftObservation.From(swept[0]));
        var missing = Assert.Single(DriftObservation.From(swept[1]));
        Assert.Equal(("Service", ""), (missing.Resource.Kind, missing.Path));
        Assert.Equal(SyncStatus.OutOfSync, swept[1].Status.Sync);
    }

    [Fact]
    public async Task OwnedObjectWatch_ObjectScaled_ReportsItsApplication()
    {
        using var harness = new OperatorHarness(cluster, "drift-watch");
        Assert.True((await harness.SyncAsync()).Succeeded);
        var seen = new TaskCompletionSource<OwnedObjectChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var watch = new OwnedObjectWatch(cluster.Kubernetes);
        var running = watch.RunAsync("apps/v1", "Deployment", change =>
        {
            if (change.Application == "drift-watch")
            {
                seen.TrySetResult(change);
            }
        }, started.SetResult, stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        await ScaleAsync("drift-watch", 2);
        var change = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await stop.CancelAsync();

        Assert.Equal((new ResourceKey("apps", "Deployment", "drift-watch", "drift-watch"), "MODIFIED"), (change.Key, change.Type));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }
}
