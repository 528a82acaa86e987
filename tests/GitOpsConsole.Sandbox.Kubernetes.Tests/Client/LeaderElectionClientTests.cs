using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Client;

public sealed class LeaderElectionClientTests
{
    private static LeaderElector Elector(k8s.Kubernetes client, string identity) =>
        new(new LeaderElectionConfig(new LeaseLock(client, "default", "console-leader", identity))
        {
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(250),
        });

    [Fact]
    public async Task LeaseLock_FirstElectorLeads_SecondTakesOverAfterFirstStops()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var clientA = ClientFactory.Create(cluster);
        using var clientB = ClientFactory.Create(cluster);
        using var a = Elector(clientA, "a");
        using var b = Elector(clientB, "b");
        var leaders = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var aLeads = new TaskCompletionSource();
        var bLeads = new TaskCompletionSource();
        a.OnStartedLeading += () => aLeads.TrySetResult();
        b.OnStartedLeading += () => bLeads.TrySetResult();
        b.OnNewLeader += leaders.Enqueue;

        using var stopA = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var stopB = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var runA = a.RunUntilLeadershipLostAsync(stopA.Token);
        await aLeads.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var runB = b.RunUntilLeadershipLostAsync(stopB.Token);
        await Eventually.TrueAsync(() => leaders.Contains("a"), "b to observe a as leader");

        // Leading renews the lease: after several lease durations a still holds it and b waits.
        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
        Assert.False(bLeads.Task.IsCompleted);
        var lease = await clientA.CoordinationV1.ReadNamespacedLeaseAsync("console-leader", "default", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("a", lease.Spec.HolderIdentity);

        await stopA.CancelAsync();
        await IgnoreCancellation(runA);
        await bLeads.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        lease = await clientB.CoordinationV1.ReadNamespacedLeaseAsync("console-leader", "default", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("b", lease.Spec.HolderIdentity);
        Assert.True(lease.Spec.LeaseTransitions >= 1);
        await stopB.CancelAsync();
        await IgnoreCancellation(runB);
    }

    private static async Task IgnoreCancellation(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // The elector was stopped on purpose.
        }
    }
}
