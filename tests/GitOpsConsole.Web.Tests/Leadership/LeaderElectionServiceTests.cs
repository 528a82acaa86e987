using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Web.Clusters;
using GitOpsConsole.Web.Leadership;
using GitOpsConsole.Web.Sandbox;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Leadership;

/// <summary>Two electors on one Lease of the emulator, as two replicas would compete.</summary>
public sealed class LeaderElectionServiceTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gitops-lease-").FullName;
    private readonly KubernetesEmulator _cluster = new(new KubernetesEmulatorOptions());

    [Fact]
    public async Task StopAsync_Leader_HandsTheLeaseBackAndTheOtherReplicaLeads()
    {
        var ct = TestContext.Current.CancellationToken;
        await _cluster.StartAsync(ct);
        var kubeconfig = Path.Combine(_folder, "kubeconfig");
        _cluster.WriteKubeconfig(kubeconfig);
        var (firstGate, first) = Replica("replica-a", kubeconfig);
        var (secondGate, second) = Replica("replica-b", kubeconfig);

        await first.StartAsync(ct);
        await firstGate.WaitForTermAsync(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
        await second.StartAsync(ct);
        await EventuallyAsync(() => Task.FromResult(secondGate.Leader == "replica-a" ? "" : null), TimeSpan.FromSeconds(60), "the second replica sees the first lead");
        var leading = await firstGate.WaitForTermAsync(ct);
        Assert.False(secondGate.IsLeader);

        await first.StopAsync(ct);

        using var client = KubernetesConnection.FromKubeconfig(kubeconfig);
        var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync("gitops-console", "default", cancellationToken: ct);
        Assert.NotEqual("replica-a", lease.Spec.HolderIdentity);
        Assert.True(leading.IsCancellationRequested);
        await secondGate.WaitForTermAsync(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
        await EventuallyAsync(async () => (await client.CoordinationV1.ReadNamespacedLeaseAsync("gitops-console", "default", cancellationToken: ct)).Spec.HolderIdentity == "replica-b" ? "" : null,
            TimeSpan.FromSeconds(60), "the Lease names the second replica");
        Assert.False(firstGate.IsLeader);
        await second.StopAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static (LeaderGate Gate, LeaderElectionService Service) Replica(string identity, string kubeconfig)
    {
        var options = Options.Create(new GitOpsOptions
        {
            Sandbox = { Enabled = false },
            Kubernetes = { Kubeconfig = kubeconfig },
            LeaderElection = { Enabled = true, Identity = identity, LeaseNamespace = "default" },
        });
        var gate = new LeaderGate(options);
        var cluster = new ClusterConnection(options, new SandboxRuntime { KubeconfigPath = Path.Combine(Path.GetTempPath(), "unused") });
        return (gate, new LeaderElectionService(options, cluster, gate, NullLogger<LeaderElectionService>.Instance));
    }
}
