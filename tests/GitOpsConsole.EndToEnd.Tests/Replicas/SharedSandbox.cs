using GitOpsConsole.Sandbox;
using GitOpsConsole.Sandbox.Kubernetes;

namespace GitOpsConsole.EndToEnd.Tests.Replicas;

/// <summary>
/// One sandbox (Git host and Kubernetes API emulator) outside the consoles, as a real cluster and Git server
/// would be: several console replicas share its data folder (one SQLite file, the bare repositories) and reach
/// the cluster through the kubeconfig it writes.
/// </summary>
internal sealed class SharedSandbox : IAsyncDisposable
{
    // In the order appsettings.json declares them, whose repositories the arguments point here.
    private static readonly string[] SeededApplications = ["storefront", "catalog", "payments"];

    private SharedSandbox(string dataDirectory, SandboxWorld world, KubernetesEmulator cluster)
    {
        DataDirectory = dataDirectory;
        World = world;
        Cluster = cluster;
    }

    public string DataDirectory { get; }

    public SandboxWorld World { get; }

    public KubernetesEmulator Cluster { get; }

    public string Kubeconfig => Path.Combine(DataDirectory, "sandbox", "kubeconfig");

    public static async Task<SharedSandbox> StartAsync(CancellationToken cancellationToken)
    {
        var data = Path.Combine(Path.GetTempPath(), "gitops-replicas", Guid.NewGuid().ToString("N"));
        var world = new SandboxWorld(new SandboxWorldOptions { DataDirectory = data, RegistryPort = 0 });
        await world.StartAsync(cancellationToken);
        var cluster = new KubernetesEmulator(new KubernetesEmulatorOptions { ImageCatalog = new EveryImageStarts(), PodStartupOverride = TimeSpan.Zero });
        await cluster.StartAsync(cancellationToken);
        var sandbox = new SharedSandbox(data, world, cluster);
        cluster.WriteKubeconfig(sandbox.Kubeconfig);
        return sandbox;
    }

    /// <summary>Console arguments: this sandbox's data, cluster and repositories instead of a sandbox of its own.</summary>
    public string[] ConsoleArguments(params string[] extra) =>
    [
        "--GitOps:Sandbox:Enabled=false",
        $"--GitOps:Kubernetes:Kubeconfig={Kubeconfig}",
        "--GitOps:Auth:Mode=LocalTrust",
        "--GitOps:Ingestion:PollInterval=00:00:00",
        .. SeededApplications.Select((app, i) => $"--GitOps:Applications:{i}:Repository={Path.Combine(DataDirectory, "sandbox", "git", app + ".git")}"),
        .. extra,
    ];

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await World.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A console's last write may still hold a file; /tmp is the OS's to clean.
        }
    }

    /// <summary>Every image the deploys name "pulls" and starts at once: the registry is not what these tests are about.</summary>
    private sealed class EveryImageStarts : IImageCatalog
    {
        public ImageBehavior? Find(string imageReference) => new(ImageRuntime.Starts, TimeSpan.Zero);
    }
}
