using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Internal;
using GitOpsConsole.Sandbox.Registry;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox.Ci;

/// <summary>
/// The sandbox CI: one build per (repository, commit), at most <see cref="CiRunnerOptions.MaxConcurrentBuilds"/>
/// at a time, each persisted on every change and its log kept in a file and streamed live.
/// </summary>
public sealed partial class CiRunner : IAsyncDisposable
{
    private readonly CiRunnerOptions _options;
    private readonly GitHost _git;
    private readonly SandboxRegistry _registry;
    private readonly BuildStore _store;
    private readonly SemaphoreSlim _slots;
    private readonly ILogger _logger;
    private readonly Broadcaster<BuildRecord> _updates = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ActiveBuild> _active = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public CiRunner(CiRunnerOptions options, GitHost git, SandboxRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentBuilds, 1);
        _options = options;
        _git = git;
        _registry = registry;
        _store = new BuildStore(options.DataDirectory);
        _slots = new SemaphoreSlim(options.MaxConcurrentBuilds, options.MaxConcurrentBuilds);
        _logger = options.LoggerFactory.CreateLogger<CiRunner>();
        MarkInterruptedBuilds();
    }

    /// <summary>Every change of any build's record, from now on.</summary>
    public IAsyncEnumerable<BuildRecord> Subscribe(CancellationToken cancellationToken = default) => _updates.Subscribe(cancellationToken);

    public BuildRecord? Get(string buildId) => _store.Get(buildId);

    public BuildRecord? Find(string repository, string commit) => _store.Get(BuildRecord.IdFor(repository, commit));

    public IReadOnlyList<BuildRecord> List(string? repository = null) =>
        [.. _store.All().Where(b => repository is null || b.Repository == repository)];

    /// <summary>
    /// Queues a build of the commit, or returns the existing build of that commit. With
    /// <paramref name="rebuild"/>, a build that ended without success runs again.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown repository or commit.</exception>
    public BuildRecord Trigger(string repository, string commitish, bool rebuild = false)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (!_git.Exists(repository))
        {
            throw new ArgumentException($"Repository '{repository}' does not exist in the sandbox Git host.", nameof(repository));
        }
        var commit = CommitInspector.Resolve(_git.PathOf(repository), repository, commitish);
        var id = BuildRecord.IdFor(repository, commit);
        lock (_gate)
        {
            if (_store.Get(id) is { } existing && (existing.Status == BuildStatus.Succeeded || !existing.IsFinished || !rebuild))
            {
                return existing;
            }
            var queued = Update(new BuildRecord(id, repository, commit, BuildStatus.Queued, _options.TimeProvider.GetUtcNow()));
            var active = new ActiveBuild(new BuildLog(_store.LogPathOf(id)), CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token));
            _active[id] = active;
            active.Run = Task.Run(() => RunAsync(queued, active));
            return queued;
        }
    }

    /// <summary>Cancels a queued or running build; a finished build is left as it is.</summary>
    public async Task CancelAsync(string buildId)
    {
        ActiveBuild? active;
        lock (_gate)
        {
            active = _active.GetValueOrDefault(buildId);
        }
        if (active is not null)
        {
            await active.Cancel.CancelAsync();
        }
    }

    /// <summary>The build once it has finished.</summary>
    public async Task<BuildRecord> WaitAsync(string buildId, CancellationToken cancellationToken = default)
    {
        Task<BuildRecord>? done;
        lock (_gate)
        {
            done = _active.GetValueOrDefault(buildId)?.Done.Task;
        }
        return done is not null
            ? await done.WaitAsync(cancellationToken)
            : _store.Get(buildId) ?? throw new ArgumentException($"Unknown build '{buildId}'.", nameof(buildId));
    }

    /// <summary>The log so far and, while the build runs, each new line as it is written.</summary>
    public IAsyncEnumerable<string> FollowLog(string buildId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_active.GetValueOrDefault(buildId) is { } active)
            {
                return active.Log.Follow(cancellationToken);
            }
        }
        return ReadLogFile(buildId).ToAsyncEnumerable();
    }

    /// <summary>The last lines of a build's log, as <c>ci.get_build</c> reports them.</summary>
    public IReadOnlyList<string> ReadLogTail(string buildId, int maxLines = 50) => [.. ReadLogFile(buildId).TakeLast(maxLines)];

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        await _stopping.CancelAsync();
        Task[] running;
        lock (_gate)
        {
            running = [.. _active.Values.Select(a => a.Run!)];
        }
        await Task.WhenAll(running);
        _updates.Complete();
        _slots.Dispose();
        // IsCancellationRequested stays true after Dispose, which keeps a second DisposeAsync a no-op.
        _stopping.Dispose();
    }

    private async Task RunAsync(BuildRecord build, ActiveBuild active)
    {
        var slotTaken = false;
        try
        {
            await _slots.WaitAsync(active.Cancel.Token);
            slotTaken = true;
            var executor = new BuildExecutor(_git.PathOf(build.Repository), _registry, _options.TimeProvider);
            build = await executor.RunAsync(build, active.Log, Update, active.Cancel.Token);
            if (build.Status == BuildStatus.Cancelled && _stopping.IsCancellationRequested)
            {
                build = build with { Error = $"The CI runner stopped. {build.Error}" };
            }
        }
        catch (OperationCanceledException) when (active.Cancel.IsCancellationRequested)
        {
            build = build with { Status = BuildStatus.Cancelled, FinishedAt = _options.TimeProvider.GetUtcNow(), Error = _stopping.IsCancellationRequested ? "The CI runner stopped." : "Cancelled." };
        }
        // Whatever goes wrong, the build must end with a recorded status rather than stay Running.
        catch (Exception ex)
        {
            active.Log.Write($"build error: {ex.Message}");
            build = build with { Status = BuildStatus.Failed, FinishedAt = _options.TimeProvider.GetUtcNow(), Error = $"Build error: {ex.Message}" };
        }
        finally
        {
            if (slotTaken)
            {
                _slots.Release();
            }
        }
        build = Update(build);
        LogFinished(_logger, build.Id, build.Status, build.Error);
        lock (_gate)
        {
            _active.Remove(build.Id);
            active.Log.Dispose();
            active.Cancel.Dispose();
        }
        active.Done.TrySetResult(build);
    }

    private BuildRecord Update(BuildRecord build)
    {
        _store.Save(build);
        _updates.Publish(build);
        return build;
    }

    private IEnumerable<string> ReadLogFile(string buildId)
    {
        var path = _store.LogPathOf(buildId);
        if (_store.Get(buildId) is null)
        {
            throw new ArgumentException($"Unknown build '{buildId}'.", nameof(buildId));
        }
        return File.Exists(path) ? File.ReadLines(path) : [];
    }

    /// <summary>A build that was queued or running when the process died can't resume; say so instead of showing it as running forever.</summary>
    private void MarkInterruptedBuilds()
    {
        foreach (var build in _store.All().Where(b => !b.IsFinished))
        {
            _store.Save(build with
            {
                Status = BuildStatus.Failed,
                FinishedAt = _options.TimeProvider.GetUtcNow(),
                Error = $"Interrupted: the CI runner stopped while the build was {build.Status.ToString().ToLowerInvariant()}; trigger it again with rebuild.",
            });
        }
    }

    private sealed record ActiveBuild(BuildLog Log, CancellationTokenSource Cancel)
    {
        public Task? Run { get; set; }

        public TaskCompletionSource<BuildRecord> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Build {BuildId} finished: {Status} {Error}")]
    private static partial void LogFinished(ILogger logger, string buildId, BuildStatus status, string? error);
}
