using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Registry;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox;

/// <summary>
/// The Git host, CI runner and registry of the sandbox, wired together: pushes trigger builds,
/// builds publish images, the registry notifies the configured webhooks. Start seeds the sample
/// applications on first use and builds the images their values files pin.
/// </summary>
public sealed partial class SandboxWorld : IAsyncDisposable
{
    private readonly SandboxWorldOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private PushDetector? _pushes;
    private SandboxRegistry? _registry;
    private CiRunner? _ci;
    private Task _trigger = Task.CompletedTask;

    public SandboxWorld(SandboxWorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = options.LoggerFactory.CreateLogger<SandboxWorld>();
        Git = new GitHost(options.DataDirectory);
        Committer = new AppCommitter(Git, options.TimeProvider);
    }

    public GitHost Git { get; }

    public AppCommitter Committer { get; }

    public PushDetector Pushes => _pushes ?? throw NotStarted();

    public CiRunner Ci => _ci ?? throw NotStarted();

    public SandboxRegistry Registry => _registry ?? throw NotStarted();

    /// <summary>What the simulated kubelet asks about images.</summary>
    public IImageCatalog ImageCatalog => Registry;

    public Uri RegistryUrl => Registry.BaseAddress;

    /// <summary>A URL <c>git clone</c> and LibGit2Sharp accept: the bare repository's path.</summary>
    public string CloneUrl(string application) => Git.PathOf(application);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _registry = new SandboxRegistry(new SandboxRegistryOptions
        {
            DataDirectory = _options.DataDirectory,
            Port = _options.RegistryPort,
            NotificationEndpoints = _options.NotificationEndpoints,
            TimeProvider = _options.TimeProvider,
            LoggerFactory = _options.LoggerFactory,
        });
        await _registry.StartAsync(cancellationToken);

        var seeder = new RepositorySeeder(Git, _options.TimeProvider);
        var seeded = _options.Applications.Select(app => seeder.Seed(app, _registry.Host)).ToList();

        _ci = new CiRunner(new CiRunnerOptions
        {
            DataDirectory = _options.DataDirectory,
            MaxConcurrentBuilds = _options.MaxConcurrentBuilds,
            TimeProvider = _options.TimeProvider,
            LoggerFactory = _options.LoggerFactory,
        }, Git, _registry);
        _pushes = new PushDetector(Git, _options.LoggerFactory.CreateLogger<PushDetector>());
        if (_options.BuildOnPush)
        {
            // Subscribed before the detector starts, so pushes it reports at start-up are built too.
            var pushes = _pushes.Subscribe(_stopping.Token);
            _trigger = Task.Run(() => new PushBuildTrigger(_ci, _logger).RunAsync(pushes), CancellationToken.None);
        }
        _pushes.Start();

        var created = seeded.Where(r => r.Created).ToList();
        foreach (var result in created)
        {
            _ci.Trigger(result.Repository, result.ImageCommit!);
        }
        LogStarted(_logger, Git.Root, _registry.BaseAddress, created.Count);
    }

    /// <summary>Commits and pushes a change to the application whose image will behave as asked; returns the commit SHA.</summary>
    public Task<string> CommitAsync(ScenarioCommit scenario, CancellationToken cancellationToken = default) =>
        Committer.CommitAsync(scenario, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        await _stopping.CancelAsync();
        if (_pushes is not null)
        {
            await _pushes.DisposeAsync();
        }
        try
        {
            await _trigger;
        }
        catch (OperationCanceledException)
        {
            // The push subscription ends by cancellation; nothing is lost, builds are persisted.
        }
        if (_ci is not null)
        {
            await _ci.DisposeAsync();
        }
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
        _stopping.Dispose();
    }

    private static InvalidOperationException NotStarted() => new("The sandbox world is not started; call StartAsync first.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox world started: git at {GitRoot}, registry at {Registry}, {Seeded} applications seeded")]
    private static partial void LogStarted(ILogger logger, string gitRoot, Uri registry, int seeded);
}
