using System.Text;
using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Kubectl;

public sealed class KubectlWorkloadTests
{
    private static TestImageCatalog Catalog() => new TestImageCatalog()
        .With("app:1", ImageRuntime.Starts, TimeSpan.FromMilliseconds(300))
        .With("app:2", ImageRuntime.Starts, TimeSpan.FromMilliseconds(300))
        .With("crash:1", ImageRuntime.Crash, TimeSpan.FromMilliseconds(100));

    [Fact]
    public async Task RolloutStatus_AfterSetImage_ReportsSuccess()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(Catalog());
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync(Manifests.Deployment("web", "app:1", 3), null, "apply", "-f", "-")).Succeeded();
        Assert.Contains("successfully rolled out", (await kubectl.RunAsync("rollout", "status", "deploy/web", "--timeout=40s")).Succeeded().Stdout, StringComparison.Ordinal);
        (await kubectl.RunAsync("set", "image", "deploy/web", "app=app:2")).Succeeded();
        var rollout = (await kubectl.RunAsync("rollout", "status", "deploy/web", "--timeout=40s")).Succeeded();
        Assert.Contains("successfully rolled out", rollout.Stdout, StringComparison.Ordinal);
        var images = (await kubectl.RunAsync("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].spec.containers[0].image}")).Succeeded().Stdout;
        Assert.Equal(["app:2", "app:2", "app:2"], images.Split(' '));
    }

    [Fact]
    public async Task GetWorkloadsAndEvents_ShowControllerResults()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(Catalog());
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync(Manifests.Deployment("web", "app:1", 2), null, "apply", "-f", "-")).Succeeded();
        (await kubectl.RunAsync("rollout", "status", "deploy/web", "--timeout=40s")).Succeeded();

        var deploy = (await kubectl.RunAsync("get", "deploy")).Succeeded().Stdout;
        Assert.Matches(@"web\s+2/2\s+2\s+2", deploy);
        var rs = (await kubectl.RunAsync("get", "rs", "-o", "wide")).Succeeded().Stdout;
        Assert.Contains("pod-template-hash=", rs, StringComparison.Ordinal);
        var pods = (await kubectl.RunAsync("get", "pods", "-o", "wide")).Succeeded().Stdout;
        Assert.Equal(2, pods.Split('\n').Count(l => l.Contains("1/1", StringComparison.Ordinal) && l.Contains("Running", StringComparison.Ordinal) && l.Contains("sandbox-node", StringComparison.Ordinal)));
        var events = (await kubectl.RunAsync("get", "events")).Succeeded().Stdout;
        foreach (var reason in new[] { "ScalingReplicaSet", "SuccessfulCreate", "Scheduled", "Pulling", "Pulled", "Created", "Started" })
        {
            Assert.Contains(reason, events, StringComparison.Ordinal);
        }
        Assert.Contains("kind: ReplicaSet", (await kubectl.RunAsync("get", "rs", "-o", "yaml")).Succeeded().Stdout, StringComparison.Ordinal);
        Assert.Contains("phase: Running", (await kubectl.RunAsync("get", "pods", "-o", "yaml")).Succeeded().Stdout, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"Namespace\"", (await kubectl.RunAsync("get", "ns", "-o", "json")).Succeeded().Stdout, StringComparison.Ordinal);
        Assert.Contains("deployment/web", (await kubectl.RunAsync("get", "events", "-o", "wide")).Succeeded().Stdout, StringComparison.Ordinal);
        Assert.Matches(@"web\s+2/2.*app=web", (await kubectl.RunAsync("get", "deploy", "-o", "wide")).Succeeded().Stdout);
        Assert.Contains("\"kind\": \"Event\"", (await kubectl.RunAsync("get", "events", "-o", "json")).Succeeded().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPodsWatch_SeesNewPodAppear()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(Catalog());
        var kubectl = new Support.Kubectl(cluster);
        using var watch = kubectl.Start(false, null, "get", "pods", "-w");
        var output = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            while (await watch.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }, TestContext.Current.CancellationToken);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        (await kubectl.RunWithAsync(Manifests.Deployment("watched", "app:1", 1), null, "apply", "-f", "-")).Succeeded();
        try
        {
            await Eventually.TrueAsync(() =>
            {
                lock (output)
                {
                    return output.ToString().Split('\n').Any(l => l.StartsWith("watched-", StringComparison.Ordinal) && l.Contains("Running", StringComparison.Ordinal));
                }
            }, "kubectl get pods -w to print the new pod running", TimeSpan.FromSeconds(30));
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
            await watch.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        await reading;
    }

    [Fact]
    public async Task RolloutUndo_ReturnsToPreviousTemplate_ReusingItsReplicaSet()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(Catalog());
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync(Manifests.Deployment("web", "app:1", 2), null, "apply", "-f", "-")).Succeeded();
        (await kubectl.RunAsync("rollout", "status", "deploy/web", "--timeout=40s")).Succeeded();
        (await kubectl.RunAsync("set", "image", "deploy/web", "app=app:2")).Succeeded();
        (await kubectl.RunAsync("rollout", "status", "deploy/web", "--timeout=40s")).Succeeded();
        Assert.Contains("rolled back", (await kubectl.RunAsync("rollout", "undo", "deploy/web")).Succeeded().Stdout, StringComparison.Ordinal);
        (await kubectl.RunAsync("rollout", "status", "deploy/web", "--timeout=40s")).Succeeded();

        Assert.Equal("app:1", (await kubectl.RunAsync("get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}")).Succeeded().Stdout);
        var sets = (await kubectl.RunAsync("get", "rs", "-o", "name")).Succeeded().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, sets.Length);
        Assert.Equal("3", (await kubectl.RunAsync("get", "deploy", "web", "-o", "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}")).Succeeded().Stdout);
    }

    [Fact]
    public async Task Logs_RunningPod_NarratesContainerStart()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(Catalog());
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync(Manifests.Deployment("web", "app:1", 1), null, "apply", "-f", "-")).Succeeded();
        (await kubectl.RunAsync("rollout", "status", "deploy/web", "--timeout=40s")).Succeeded();
        var logs = (await kubectl.RunAsync("logs", "deploy/web")).Succeeded().Stdout;
        Assert.Contains("starting app from app:1", logs, StringComparison.Ordinal);
        Assert.Contains("ready", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_CrashLoopingPod_ShowsTheCrashedRunAndHonoursTail()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(Catalog());
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync(Manifests.Deployment("crash", "crash:1", 1), null, "apply", "-f", "-")).Succeeded();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await kubectl.RunAsync("get", "pods", "-o", "jsonpath={.items[*].status.containerStatuses[*].state.waiting.reason}")).Stdout != "CrashLoopBackOff" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var logs = (await kubectl.RunAsync("logs", "deploy/crash")).Succeeded().Stdout;
        var tail = (await kubectl.RunAsync("logs", "deploy/crash", "--tail=1")).Succeeded().Stdout;

        Assert.Contains("starting app from crash:1", logs, StringComparison.Ordinal);
        Assert.EndsWith(" error: process exited with code 1\n", tail, StringComparison.Ordinal);
        Assert.Single(tail.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
