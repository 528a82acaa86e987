using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Simulation;

public sealed class RolloutTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1", "0")]
    [InlineData("0", "1")]
    [InlineData("25%", "25%")]
    public async Task RollingUpdate_RespectsMaxSurgeAndMaxUnavailableThroughout(string maxSurge, string maxUnavailable)
    {
        const int Replicas = 4;
        var time = new FakeTimeProvider(Start);
        var catalog = new TestImageCatalog().With("app:1", ImageRuntime.Starts, TimeSpan.FromSeconds(5)).With("app:2", ImageRuntime.Starts, TimeSpan.FromSeconds(5));
        await using var cluster = await TestCluster.StartAsync(catalog, time);
        await cluster.ApplyAsync(Manifests.Deployment("web", "app:1", Replicas, maxSurge, maxUnavailable), "web");
        await AdvanceUntilAsync(cluster, time, async () => (await cluster.PodsAsync("app=web")).Count(ClusterReads.IsReady) == Replicas, "initial rollout");

        var surge = maxSurge == "25%" ? 1 : int.Parse(maxSurge, System.Globalization.CultureInfo.InvariantCulture);
        var unavailable = maxUnavailable == "25%" ? 1 : int.Parse(maxUnavailable, System.Globalization.CultureInfo.InvariantCulture);
        var observedMaxPods = 0;
        var observedMinReady = int.MaxValue;
        await cluster.ApplyAsync(Manifests.Deployment("web", "app:2", Replicas, maxSurge, maxUnavailable), "web");
        await AdvanceUntilAsync(cluster, time, async () =>
        {
            var pods = await cluster.PodsAsync("app=web");
            observedMaxPods = Math.Max(observedMaxPods, pods.Count);
            observedMinReady = Math.Min(observedMinReady, pods.Count(ClusterReads.IsReady));
            return pods.Count == Replicas && pods.All(p => ClusterReads.IsReady(p) && Image(p) == "app:2");
        }, "the rollout to app:2");

        Assert.True(observedMaxPods <= Replicas + surge, $"saw {observedMaxPods} pods, more than {Replicas} + surge {surge}");
        Assert.True(observedMinReady >= Replicas - unavailable, $"saw only {observedMinReady} ready pods, fewer than {Replicas} - {unavailable}");
        await Eventually.TrueAsync(async () => ClusterReads.Condition(await cluster.DeploymentAsync("web"), "Progressing", "reason") == "NewReplicaSetAvailable",
            "the deployment to report the new ReplicaSet available");
        var deployment = await cluster.DeploymentAsync("web");
        Assert.Equal("2", deployment["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!.ToString());
        var sets = await cluster.ReplicaSetsAsync("app=web");
        Assert.Equal(2, sets.Count);
        Assert.Contains(sets, rs => rs["spec"]!["replicas"]!.GetValue<int>() == 0 && rs["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!.ToString() == "1");
        Assert.All(sets, rs => Assert.StartsWith("web-", rs["metadata"]!["name"]!.ToString(), StringComparison.Ordinal));
        Assert.All(await cluster.PodsAsync("app=web"), p => Assert.False(string.IsNullOrEmpty(p["metadata"]!["labels"]!["pod-template-hash"]?.ToString())));
    }

    [Fact]
    public async Task MinReadySeconds_PodsCountAsAvailableOnlyAfterStayingReady()
    {
        var time = new FakeTimeProvider(Start);
        var catalog = new TestImageCatalog().With("app:1", ImageRuntime.Starts, TimeSpan.Zero);
        await using var cluster = await TestCluster.StartAsync(catalog, time);
        await cluster.ApplyAsync(Manifests.Deployment("web", "app:1", 1).Replace("  replicas: 1", "  replicas: 1\n  minReadySeconds: 10", StringComparison.Ordinal), "web");
        await Eventually.TrueAsync(async () => (await cluster.DeploymentAsync("web"))["status"]?["readyReplicas"]?.GetValue<long>() == 1, "a ready replica");
        await Task.Delay(150, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await cluster.DeploymentAsync("web"))["status"]!["availableReplicas"]!.GetValue<long>());
        time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(async () => (await cluster.DeploymentAsync("web"))["status"]?["availableReplicas"]?.GetValue<long>() == 1, "the replica to become available");
    }

    [Fact]
    public async Task RevisionHistoryLimit_PrunesOldestIdleReplicaSets()
    {
        var time = new FakeTimeProvider(Start);
        var catalog = new TestImageCatalog();
        for (var i = 1; i <= 4; i++)
        {
            catalog.With($"app:{i}", ImageRuntime.Starts, TimeSpan.Zero);
        }
        await using var cluster = await TestCluster.StartAsync(catalog, time);
        for (var i = 1; i <= 4; i++)
        {
            var manifest = Manifests.Deployment("web", $"app:{i}", 1).Replace("  replicas: 1", "  replicas: 1\n  revisionHistoryLimit: 1", StringComparison.Ordinal);
            await cluster.ApplyAsync(manifest, "web");
            var revision = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await AdvanceUntilAsync(cluster, time, async () =>
            {
                var d = await cluster.DeploymentAsync("web");
                return d["metadata"]!["annotations"]?["deployment.kubernetes.io/revision"]?.ToString() == revision
                    && ClusterReads.Condition(d, "Progressing", "reason") == "NewReplicaSetAvailable";
            }, $"revision {i}");
        }
        await Eventually.TrueAsync(async () => (await cluster.ReplicaSetsAsync("app=web")).Count == 2, "history pruned to one old ReplicaSet");
        var revisions = (await cluster.ReplicaSetsAsync("app=web")).Select(rs => rs["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!.ToString()).Order();
        Assert.Equal(["3", "4"], revisions);
    }

    [Fact]
    public async Task ScaleDown_RemovesPodsAndDeleteCascadesToReplicaSetsAndPods()
    {
        var time = new FakeTimeProvider(Start);
        var catalog = new TestImageCatalog().With("app:1", ImageRuntime.Starts, TimeSpan.Zero);
        await using var cluster = await TestCluster.StartAsync(catalog, time);
        await cluster.ApplyAsync(Manifests.Deployment("web", "app:1", 3), "web");
        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("app=web")).Count(ClusterReads.IsReady) == 3, "three ready pods");
        await cluster.SendAsync(HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/web/scale", """{"spec":{"replicas":1}}""", "application/merge-patch+json");
        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("app=web")).Count == 1, "one pod after scaling down");
        await cluster.SendAsync(HttpMethod.Delete, "/apis/apps/v1/namespaces/default/deployments/web");
        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("app=web")).Count == 0 && (await cluster.ReplicaSetsAsync("app=web")).Count == 0, "cascade to ReplicaSets and pods");
    }

    [Fact]
    public async Task StatefulSet_CreatesPodsInOrderWaitingForReadiness()
    {
        var time = new FakeTimeProvider(Start);
        var catalog = new TestImageCatalog().With("db:1", ImageRuntime.Starts, TimeSpan.FromSeconds(5));
        await using var cluster = await TestCluster.StartAsync(catalog, time);
        const string Set = """
            {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db"},"spec":{"replicas":2,"serviceName":"db",
             "selector":{"matchLabels":{"app":"db"}},"template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"db","image":"db:1"}]}}}}
            """;
        await cluster.PostAsync("/apis/apps/v1/namespaces/default/statefulsets", Set);
        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("app=db")) is [var p] && p["status"]?["phase"]?.ToString() == "Running", "db-0 running");
        await Task.Delay(150, TestContext.Current.CancellationToken);
        Assert.Equal("db-0", Assert.Single(await cluster.PodsAsync("app=db"))["metadata"]!["name"]!.ToString());
        time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("app=db")).Select(p => p["metadata"]!["name"]!.ToString()).Order().SequenceEqual(["db-0", "db-1"]), "db-1 after db-0 is ready");
        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("app=db")).All(p => p["status"]?["phase"]?.ToString() == "Running"), "db-1 running");
        time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(async () =>
            (await cluster.GetAsync("/apis/apps/v1/namespaces/default/statefulsets/db")).Body["status"]?["readyReplicas"]?.GetValue<int>() == 2, "two ready replicas");
    }

    [Fact]
    public async Task Job_PodSucceeds_JobCompletes()
    {
        var time = new FakeTimeProvider(Start);
        var catalog = new TestImageCatalog().With("task:1", ImageRuntime.Starts, TimeSpan.FromSeconds(3));
        await using var cluster = await TestCluster.StartAsync(catalog, time);
        await cluster.PostAsync("/apis/batch/v1/namespaces/default/jobs",
            """{"metadata":{"name":"migrate"},"spec":{"template":{"spec":{"containers":[{"name":"m","image":"task:1"}]}}}}""");
        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("job-name=migrate")) is [var p] && p["status"]?["phase"]?.ToString() == "Running", "the job's pod running");
        time.Advance(TimeSpan.FromSeconds(3));
        await Eventually.TrueAsync(async () =>
            ClusterReads.Condition((await cluster.GetAsync("/apis/batch/v1/namespaces/default/jobs/migrate")).Body, "Complete") == "True", "the job to complete");
        var pod = Assert.Single(await cluster.PodsAsync("job-name=migrate"));
        Assert.Equal("Succeeded", pod["status"]!["phase"]!.ToString());
    }

    private static string? Image(JsonObject pod) => pod["spec"]?["containers"]?[0]?["image"]?.ToString();

    /// <summary>Moves the fake clock in small steps until the condition holds, giving the controllers time between steps.</summary>
    private static async Task AdvanceUntilAsync(TestCluster cluster, FakeTimeProvider time, Func<Task<bool>> condition, string what)
    {
        _ = cluster;
        for (var step = 0; step < 400; step++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(30, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Fail($"timed out waiting for: {what}");
    }
}
