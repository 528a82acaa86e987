using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Sandbox.Kubernetes;

namespace GitOpsConsole.Integrations.Tests.Operator;

/// <summary><c>cluster.events</c> and <c>cluster.logs</c> through KubernetesClient against the emulator: a crash-looping image explains itself.</summary>
[Collection(OperatorTestGroup.Name)]
public sealed class ClusterDiagnosticsTests(OperatorCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LogsAndEvents_CrashLoopingImage_ShowTheCrashedRunAndTheBackOff()
    {
        using var harness = new OperatorHarness(cluster, "sf-diag", branch: "test/sf-diag");
        await harness.BranchFromMainAsync();
        var sha = await harness.CommitImageAsync(ImageRuntime.Crash);
        await harness.SyncAsync(await harness.SetImageTagAsync(sha[..7]));
        await harness.WaitForStatusAsync(s => s.Health == HealthStatus.Degraded);
        var tool = new KubernetesDiagnosticsTool(() => cluster.Kubernetes);

        var log = await UntilAsync(() => tool.LogsAsync(harness.App, null, 10, Ct), l => l.Containers.Any(c => c.Previous));
        var events = await tool.EventsAsync(harness.App, 30, Ct);

        Assert.StartsWith("sf-diag-", log.Pod, StringComparison.Ordinal);
        var container = Assert.Single(log.Containers);
        Assert.Contains(container.Lines, l => l.EndsWith(" error: process exited with code 1", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Type == "Warning" && e.Reason == "BackOff" && e.Involved == $"Pod/{log.Pod}");
        Assert.Equal(events.OrderByDescending(e => e.LastSeen), events);
    }

    [Fact]
    public async Task LogsAsync_PodOfAnotherNamespace_IsRefusedNamingTheApplicationsPods()
    {
        using var harness = new OperatorHarness(cluster, "sf-diag-other");
        var tool = new KubernetesDiagnosticsTool(() => cluster.Kubernetes);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => tool.LogsAsync(harness.App, "kube-apiserver", 10, Ct));

        Assert.Equal("No pod 'kube-apiserver' in sf-diag-other's namespace sf-diag-other; its pods are: none.", error.Message);
    }

    [Fact]
    public async Task LogsAsync_TailLines_ReturnsAtMostThatManyLines()
    {
        using var harness = new OperatorHarness(cluster, "sf-diag-tail", branch: "test/sf-diag-tail");
        await harness.BranchFromMainAsync();
        await harness.SyncAsync();
        await harness.WaitForStatusAsync(s => s.Health == HealthStatus.Healthy);
        var tool = new KubernetesDiagnosticsTool(() => cluster.Kubernetes);

        var full = await tool.LogsAsync(harness.App, null, 200, Ct);
        var tail = await tool.LogsAsync(harness.App, full.Pod, 1, Ct);

        Assert.Equal(2, full.Containers[0].Lines.Count);
        Assert.Equal([full.Containers[0].Lines[^1]], tail.Containers[0].Lines);
        Assert.EndsWith("ready: startup finished, serving", tail.Containers[0].Lines[0], StringComparison.Ordinal);
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100, Ct);
        }
    }
}
