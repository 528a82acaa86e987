using System.Globalization;
using System.Net;
using GitOpsConsole.Sandbox.Kubernetes.Http;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Sandbox.Kubernetes;

/// <summary>
/// An HTTP server on 127.0.0.1 that kubectl and Kubernetes client libraries accept as an API server,
/// backed by an in-process object store with simulated controllers and kubelet.
/// </summary>
public sealed partial class KubernetesEmulator : IAsyncDisposable
{
    private readonly KubernetesEmulatorOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private WebApplication? _app;
    private EmulatorCore? _core;

    public KubernetesEmulator(KubernetesEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WatchWindow, 1, nameof(options.WatchWindow));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BookmarkInterval, TimeSpan.Zero, nameof(options.BookmarkInterval));
        if (options.PodStartupOverride is { } startup)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(startup, TimeSpan.Zero, nameof(options.PodStartupOverride));
        }
        _options = options;
        _loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<KubernetesEmulator>();
    }

    /// <summary>http://127.0.0.1:port once started.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    internal EmulatorCore Core => _core ?? throw new InvalidOperationException("the emulator has not been started");

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the emulator is already running");
        }
        _core = EmulatorCore.Create(_options, _loggers);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_loggers);
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, _options.Port);
            k.Limits.MaxRequestBodySize = null;
        });
        _app = builder.Build();
        var router = _core.Router;
        _app.Run(router.HandleAsync);
        await _app.StartAsync(ct);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        router.ServerAddress = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
        _core.StartControllers();
        LogStarted(_logger, BaseAddress, _options.StateDirectory);
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (_app is null)
        {
            return;
        }
        await _core!.StopControllersAsync();
        await _app.StopAsync(ct);
        await _app.DisposeAsync();
        _app = null;
        _core!.Close();
    }

    /// <summary>Writes a kubeconfig with cluster, user and context "sandbox" pointing at this server.</summary>
    public void WriteKubeconfig(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var server = BaseAddress.ToString().TrimEnd('/');
        var text = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: sandbox
              cluster:
                server: {server}
            users:
            - name: sandbox
              user:
                token: sandbox
            contexts:
            - name: sandbox
              context:
                cluster: sandbox
                user: sandbox
                namespace: default
            current-context: sandbox
            preferences: {"{}"}

            """;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        File.WriteAllText(path, text);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Kubernetes API emulator listening on {Address}, state in {StateDirectory}")]
    private static partial void LogStarted(ILogger logger, Uri address, string? stateDirectory);
}
