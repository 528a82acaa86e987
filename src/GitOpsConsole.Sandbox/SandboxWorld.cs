using GitOpsConsole.Sandbox.Ci;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Registry;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox;

/// <summary>
/// The Git host, CI runner and registry of the sandbox, wired together: pushes trigger builds,
/// builds publish images, the registry notifies the configured webhooks. Start seeds the sample
/// applications on first use and builds the images their values files pin. The parts exist from
/// construction (the image catalog answers from stored state at once); Start brings them online.
/// </summary>
public sealed partial class SandboxWorld : IAsyncDisposable
{
    private readonly SandboxWorldOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _trigger = Task.CompletedTask;
    private bool _started;

    public SandboxWorld(SandboxWorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = options.LoggerFactory.CreateLogger<SandboxWorld>();
        Git = new GitHost(options.DataDirectory);
        Committer = new AppCommitter(Git, options.TimeProvider);
        Statuses = new CommitStatusStore(options.DataDirectory);
        Registry = new SandboxRegistry(new SandboxRegistryOptions
        {
            DataDirectory = options.DataDirectory,
            Port = options.RegistryPort,
            NotificationEndpoints = options.NotificationEndpoints,
            TimeProvider = options.TimeProvider,
            LoggerFactory = options.LoggerFactory,
        });
        Ci = new CiRunner(new CiRunnerOptions
        {
            DataDirectory = options.DataDirectory,
            MaxConcurrentBuilds = options.MaxConcurrentBuilds,
            TimeProvider = options.TimeProvider,
            LoggerFactory = options.LoggerFactory,
        }, Git, Registry);
        Pushes = new PushDetector(Git, options.LoggerFactory.CreateLogger<PushDetector>());
        GitHttp = options.GitHttpPort is { } gitPort ? new GitHttpServer(Git, gitPort, options.LoggerFactory) : null;
    }

    public GitHost Git { get; }

    public AppCommitter Committer { get; }

    /// <summary>Commit statuses (the checks a pull request shows), as GitHub keeps them.</summary>
    public CommitStatusStore Statuses { get; }

    public PushDetector Pushes { get; }

    /// <summary>Smart-HTTP access, when <see cref="SandboxWorldOptions.GitHttpPort"/> is set.</summary>
    public GitHttpServer? GitHttp { get; }

    public CiRunner Ci { get; }

    public SandboxRegistry Registry { get; }

    /// <summary>What the simulated kubelet asks about images.</summary>
    public IImageCatalog ImageCatalog => Registry;

    /// <summary>The registry's base address; its port is known once started.</summary>
    public Uri RegistryUrl => Registry.BaseAddress;

    /// <summary>A URL <c>git clone</c> and LibGit2Sharp accept: the bare repository's path.</summary>
    public string CloneUrl(string application) => Git.PathOf(application);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("The sandbox world is already started.");
        }
        _started = true;
        await Registry.StartAsync(cancellationToken);
        if (GitHttp is not null)
        {
            await GitHttp.StartAsync(cancellationToken);
        }

        // Seeded values files name the registry, so seeding waits for its port.
        var seeder = new RepositorySeeder(Git, _options.TimeProvider);
        var created = _options.Applications.Select(app => seeder.Seed(app, Registry.Host)).Where(r => r.Created).ToList();

        if (_options.BuildOnPush)
        {
            // Subscribed before the detector starts, so pushes it reports at start-up are built too.
            var pushes = Pushes.Subscribe(_stopping.Token);
            _trigger = Task.Run(() => new PushBuildTrigger(Ci, _logger).RunAsync(pushes), CancellationToken.None);
        }
        Pushes.Start();

        foreach (var result in created)
        {
            Ci.Trigger(result.Repository, result.ImageCommit!);
        }
        LogStarted(_logger, Git.Root, Registry.BaseAddress, created.Count);
    }

    /// <summary>Commits and pushes a change to the application whose image will behave as asked; returns the commit SHA.</summary>
    public Task<string> CommitAsync(ScenarioCommit scenario, CancellationToken cancellationToken = default) =>
        Committer.CommitAsync(scenario, cancellationToken);

    /// <summary>Deletes an application's repository (no push is reported for it) and its registry repository of the same name.</summary>
    public async Task RemoveApplicationAsync(string application)
    {
        await Pushes.ForgetAsync(application);
        Git.Delete(application);
        Registry.DeleteRepository(application);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        await _stopping.CancelAsync();
        await Pushes.DisposeAsync();
        try
        {
            await _trigger;
        }
        catch (OperationCanceledException)
        {
            // The push subscription ends by cancellation; builds already triggered are persisted.
        }
        await Ci.DisposeAsync();
        await Registry.DisposeAsync();
        if (GitHttp is not null)
        {
            await GitHttp.DisposeAsync();
        }
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox world started: git at {GitRoot}, registry at {Registry}, {Seeded} applications seeded")]
    private static partial void LogStarted(ILogger logger, string gitRoot, Uri registry, int seeded);
}
