using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Sandbox;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using k8s;

namespace GitOpsConsole.Integrations.Tests.Operator;

[CollectionDefinition(Name)]
public sealed class OperatorTestGroup : ICollectionFixture<OperatorCluster>
{
    public const string Name = "Operator";
}

/// <summary>
/// The real parts the operator works against, shared by the operator tests: the sandbox's Git host, CI and
/// registry (seeded apps, first images built) and the Kubernetes emulator whose kubelet pulls from that
/// registry, reached through a kubeconfig as in production. Tests isolate themselves by application name,
/// namespace and branch.
/// </summary>
public sealed class OperatorCluster : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("gitops-operator-").FullName;

    public SandboxWorld World { get; private set; } = null!;

    public KubernetesEmulator Emulator { get; private set; } = null!;

    public IKubernetes Kubernetes { get; private set; } = null!;

    public string DataDirectory => Path.Combine(_root, "data");

    public async ValueTask InitializeAsync()
    {
        World = new SandboxWorld(new SandboxWorldOptions { DataDirectory = DataDirectory, RegistryPort = 0 });
        await World.StartAsync();
        foreach (var build in SeedApplication.Defaults.SelectMany(a => World.Ci.List(a.Name)))
        {
            await World.Ci.WaitAsync(build.Id).WaitAsync(TimeSpan.FromMinutes(2));
        }

        Emulator = new KubernetesEmulator(new KubernetesEmulatorOptions { ImageCatalog = World.ImageCatalog, PodStartupOverride = TimeSpan.Zero });
        await Emulator.StartAsync();
        var kubeconfig = Path.Combine(_root, "kubeconfig");
        Emulator.WriteKubeconfig(kubeconfig);
        Kubernetes = KubernetesConnection.FromKubeconfig(kubeconfig);
    }

    public async ValueTask DisposeAsync()
    {
        Kubernetes?.Dispose();
        await Emulator.DisposeAsync();
        await World.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; cleanup must not fail the run.
        }
    }
}
