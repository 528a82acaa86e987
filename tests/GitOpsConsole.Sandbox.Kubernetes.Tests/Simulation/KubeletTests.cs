using Microsoft.Extensions.Time.Testing;
using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Simulation;

public sealed class KubeletTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task StartingImage_RunsThenTurnsReadyAfterStartupTime()
    {
        var time = new FakeTimeProvider(Start);
        var catalog = new TestImageCatalog().With("app:1", ImageRuntime.Starts, TimeSpan.FromSeconds(5));
        await using var cluster = await TestCluster.StartAsync(catalog, time);
        await cluster.ApplyAsync(Manifests.Deployment("web", "app:1", replicas: 1), "web");

        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("app=web")) is [var p] && p["status"]?["phase"]?.ToString() == "Running", "a running pod");
        Assert.False(ClusterReads.IsReady((await cluster.PodsAsync("app=web"))[0]));
        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(ClusterReads.IsReady((await cluster.PodsAsync("app=web"))[0]));
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => ClusterReads.IsReady((await cluster.PodsAsync("app=web"))[0]), "the pod to turn ready");

        var pod = (await cluster.PodsAsync("app=web"))[0];
        Assert.Equal("True", ClusterReads.Condition(pod, "Ready"));
        var reasons = (await cluster.EventsForAsync(pod["metadata"]!["name"]!.ToString())).Select(e => e["reason"]!.ToString()).ToList();
        Assert.Equal(["Scheduled", "Pulling", "Pulled", "Created", "Started"], reasons);
        await Eventually.TrueAsync(async () => ClusterReads.Condition(await cluster.DeploymentAsync("web"), "Available") == "True", "the deployment to be available");
    }

    [Fact]
    public async Task MissingImage_ErrImagePullThenBackOff_StartsOnceImageIsPushed()
    {
        var time = new FakeTimeProvider(Start);
        var catalog = new TestImageCatalog();
        await using var cluster = await TestCluster.StartAsync(catalog, time);
        await cluster.ApplyAsync(Manifests.Deployment("web", "app:2", replicas: 1), "web");

        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("app=web")) is [var p] && ClusterReads.WaitingReason(p) == "ErrImagePull", "ErrImagePull");
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => ClusterReads.WaitingReason((await cluster.PodsAsync("app=web"))[0]) == "ImagePullBackOff", "ImagePullBackOff");
        var name = (await cluster.PodsAsync("app=web"))[0]["metadata"]!["name"]!.ToString();
        var events = await cluster.EventsForAsync(name);
        Assert.Contains(events, e => e["reason"]!.ToString() == "Failed" && e["type"]!.ToString() == "Warning");
        Assert.Contains(events, e => e["reason"]!.ToString() == "BackOff");

        catalog.With("app:2", ImageRuntime.Starts, TimeSpan.Zero);
        time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(async () => ClusterReads.IsReady((await cluster.PodsAsync("app=web"))[0]), "the pod to start after the image appears");
    }

    [Fact]
    public async Task CrashingImage_CrashLoopBackOffWithGrowingRestartsAndDoublingDelay()
    {
        var time = new FakeTimeProvider(Start);
        var catalog = new TestImageCatalog().With("crash:1", ImageRuntime.Crash, TimeSpan.FromSeconds(1));
        await using var cluster = await TestCluster.StartAsync(catalog, time);
        await cluster.ApplyAsync(Manifests.Deployment("web", "crash:1", replicas: 1), "web");
        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("app=web")) is [var p] && p["status"]?["phase"]?.ToString() == "Running", "a running pod");

        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => ClusterReads.WaitingReason((await cluster.PodsAsync("app=web"))[0]) == "CrashLoopBackOff", "the first crash");
        foreach (var (delay, restarts) in new[] { (10, 1L), (20, 2L), (40, 3L) })
        {
            time.Advance(TimeSpan.FromSeconds(delay - 1));
            await Task.Delay(150, TestContext.Current.CancellationToken);
            Assert.Equal("CrashLoopBackOff", ClusterReads.WaitingReason((await cluster.PodsAsync("app=web"))[0]));
            time.Advance(TimeSpan.FromSeconds(1));
            await Eventually.TrueAsync(async () => ClusterReads.Restarts((await cluster.PodsAsync("app=web"))[0]) == restarts, $"restart {restarts} after {delay}s");
            time.Advance(TimeSpan.FromSeconds(1));
            await Eventually.TrueAsync(async () => ClusterReads.WaitingReason((await cluster.PodsAsync("app=web"))[0]) == "CrashLoopBackOff", "the next crash");
        }
        var pod = (await cluster.PodsAsync("app=web"))[0];
        Assert.Equal(1, pod["status"]!["containerStatuses"]![0]!["lastState"]!["terminated"]!["exitCode"]!.GetValue<int>());
        var backOff = (await cluster.EventsForAsync(pod["metadata"]!["name"]!.ToString())).Single(e => e["reason"]!.ToString() == "BackOff");
        Assert.True(backOff["count"]!.GetValue<int>() >= 3);
    }

    [Fact]
    public async Task UnreadyImage_RunsButNeverReady_DeploymentExceedsProgressDeadline()
    {
        var time = new FakeTimeProvider(Start);
        var catalog = new TestImageCatalog().With("slow:1", ImageRuntime.Unready, TimeSpan.FromSeconds(1));
        await using var cluster = await TestCluster.StartAsync(catalog, time);
        await cluster.ApplyAsync(Manifests.Deployment("web", "slow:1", replicas: 1).Replace("  replicas: 1", "  replicas: 1\n  progressDeadlineSeconds: 30", StringComparison.Ordinal), "web");
        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("app=web")) is [var p] && p["status"]?["phase"]?.ToString() == "Running", "a running pod");

        time.Advance(TimeSpan.FromSeconds(20));
        await Task.Delay(150, TestContext.Current.CancellationToken);
        Assert.False(ClusterReads.IsReady((await cluster.PodsAsync("app=web"))[0]));
        Assert.Equal("True", ClusterReads.Condition(await cluster.DeploymentAsync("web"), "Progressing"));
        time.Advance(TimeSpan.FromSeconds(11));
        await Eventually.TrueAsync(async () => ClusterReads.Condition(await cluster.DeploymentAsync("web"), "Progressing", "reason") == "ProgressDeadlineExceeded", "ProgressDeadlineExceeded");
        var deployment = await cluster.DeploymentAsync("web");
        Assert.Equal("False", ClusterReads.Condition(deployment, "Progressing"));
        Assert.Equal("MinimumReplicasUnavailable", ClusterReads.Condition(deployment, "Available", "reason"));
        Assert.Equal(1, deployment["status"]!["unavailableReplicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task PodStartupOverride_Zero_MakesPodsReadyAtOnce()
    {
        var time = new FakeTimeProvider(Start);
        var catalog = new TestImageCatalog().With("app:1", ImageRuntime.Starts, TimeSpan.FromMinutes(5));
        await using var cluster = await TestCluster.StartAsync(catalog, time, podStartup: TimeSpan.Zero);
        await cluster.ApplyAsync(Manifests.Deployment("web", "app:1", replicas: 2), "web");
        await Eventually.TrueAsync(async () => (await cluster.PodsAsync("app=web")).Count(ClusterReads.IsReady) == 2, "two ready pods without advancing time");
    }

    [Fact]
    public async Task Events_OlderThanAnHour_AreRemoved()
    {
        var time = new FakeTimeProvider(Start);
        await using var cluster = await TestCluster.StartAsync(new TestImageCatalog(), time);
        var stamp = Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await cluster.PostAsync("/api/v1/namespaces/default/events",
            $$$"""{"metadata":{"name":"old"},"involvedObject":{"kind":"Pod","name":"p"},"reason":"Test","message":"m","lastTimestamp":"{{{stamp}}}"}""");
        time.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(150, TestContext.Current.CancellationToken);
        Assert.Equal(200, (await cluster.GetAsync("/api/v1/namespaces/default/events/old")).Status);
        for (var i = 0; i < 8; i++)
        {
            time.Advance(TimeSpan.FromMinutes(5));
        }
        await Eventually.TrueAsync(async () => (await cluster.GetAsync("/api/v1/namespaces/default/events/old")).Status == 404, "the expired event to be removed");
    }
}
