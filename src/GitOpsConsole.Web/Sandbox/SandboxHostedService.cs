using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Sandbox;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Web.Startup;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Sandbox;

/// <summary>
/// Starts the built-in sandbox (Git host, CI runner, registry, Kubernetes API emulator) with the
/// console, under <c>&lt;data&gt;/sandbox/</c>. A sandbox that fails to start is reported by
/// <c>/readyz</c>; the console itself keeps serving.
/// </summary>
internal sealed partial class SandboxHostedService(
    IOptions<GitOpsOptions> options,
    DataPaths paths,
    SandboxRuntime runtime,
    TimeProvider time,
    ILoggerFactory loggers,
    ILogger<SandboxHostedService> logger) : IHostedService, IAsyncDisposable
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Sandbox;
        if (!settings.Enabled)
        {
            return;
        }

        runtime.State = SandboxState.Starting;
        try
        {
            var world = new SandboxWorld(new SandboxWorldOptions
            {
                DataDirectory = paths.Root,
                RegistryPort = settings.RegistryPort,
                MaxConcurrentBuilds = settings.MaxConcurrentBuilds,
                TimeProvider = time,
                LoggerFactory = loggers,
            });
            runtime.World = world;
            await world.StartAsync(cancellationToken);

            var cluster = new KubernetesEmulator(new KubernetesEmulatorOptions
            {
                Port = settings.KubernetesPort,
                StateDirectory = Path.Combine(paths.Root, "sandbox", "kubernetes"),
                ImageCatalog = world.ImageCatalog,
                PodStartupOverride = settings.PodStartupSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                TimeProvider = time,
                LoggerFactory = loggers,
            });
            runtime.Cluster = cluster;
            await cluster.StartAsync(cancellationToken);
            cluster.WriteKubeconfig(runtime.KubeconfigPath);
            runtime.Client = KubernetesConnection.FromKubeconfig(runtime.KubeconfigPath);
            runtime.State = SandboxState.Running;
            LogStarted(logger, cluster.BaseAddress, runtime.KubeconfigPath, world.RegistryUrl);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            runtime.State = SandboxState.Failed;
            runtime.Error = ex.Message;
            LogFailed(logger, ex);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        runtime.Client?.Dispose();
        runtime.Client = null;
        if (runtime.Cluster is { } cluster)
        {
            runtime.Cluster = null;
            await cluster.DisposeAsync();
        }

        if (runtime.World is { } world)
        {
            runtime.World = null;
            await world.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox running: Kubernetes API {ApiServer} (kubeconfig {Kubeconfig}), registry {Registry}")]
    private static partial void LogStarted(ILogger logger, Uri apiServer, string kubeconfig, Uri registry);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sandbox failed to start; the console runs without it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
