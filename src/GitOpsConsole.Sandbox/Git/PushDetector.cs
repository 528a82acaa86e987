using GitOpsConsole.Sandbox.Internal;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox.Git;

/// <summary>
/// Turns ref changes in the sandbox's bare repositories into <see cref="GitPush"/> events, whoever
/// made them (git push, LibGit2Sharp, a hook). Driven by file system notifications, no polling;
/// the remembered tips are persisted so pushes made while stopped are reported on the next start.
/// </summary>
public sealed partial class PushDetector(GitHost host, ILogger<PushDetector> logger) : IAsyncDisposable
{
    private readonly Broadcaster<GitPush> _pushes = new();
    private readonly RefTipStore _store = new(host.Root);
    private readonly Dictionary<string, WatchedRepository> _repositories = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private FileSystemWatcher? _rootWatcher;
    private bool _disposed;

    /// <summary>Pushes detected from now on, until the token is cancelled or the detector stops.</summary>
    public IAsyncEnumerable<GitPush> Subscribe(CancellationToken cancellationToken = default) => _pushes.Subscribe(cancellationToken);

    public void Start()
    {
        Directory.CreateDirectory(host.Root);
        // The root watcher starts before the listing so a repository created in between is not missed.
        _rootWatcher = new FileSystemWatcher(host.Root) { NotifyFilter = NotifyFilters.DirectoryName };
        _rootWatcher.Created += (_, e) => Discover(e.Name, atStartup: false);
        _rootWatcher.Renamed += (_, e) => Discover(e.Name, atStartup: false);
        _rootWatcher.EnableRaisingEvents = true;
        foreach (var name in host.ListRepositories())
        {
            Watch(name, atStartup: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _rootWatcher?.Dispose();
        List<WatchedRepository> repositories;
        lock (_gate)
        {
            // A root event racing with disposal must not start a watcher nobody disposes.
            _disposed = true;
            repositories = [.. _repositories.Values];
            _repositories.Clear();
        }
        foreach (var repository in repositories)
        {
            await repository.DisposeAsync();
        }
        _pushes.Complete();
    }

    /// <summary>Stops watching a repository that is about to be deleted, and forgets its remembered tips.</summary>
    public async Task ForgetAsync(string name)
    {
        WatchedRepository? watched;
        lock (_gate)
        {
            _repositories.Remove(name, out watched);
        }

        if (watched is not null)
        {
            await watched.DisposeAsync();
        }

        _store.Delete(name);
    }

    private void Discover(string? directoryName, bool atStartup)
    {
        if (directoryName is not null && directoryName.EndsWith(".git", StringComparison.Ordinal)
            && RepositoryName.IsValid(directoryName[..^4]) && host.Exists(directoryName[..^4]))
        {
            Watch(directoryName[..^4], atStartup);
        }
    }

    private void Watch(string name, bool atStartup)
    {
        lock (_gate)
        {
            if (_disposed || _repositories.ContainsKey(name))
            {
                return;
            }
            using (var repo = new LibGit2Sharp.Repository(host.PathOf(name)))
            {
                GitHost.EnableReflog(repo);
            }
            var watched = new WatchedRepository(name, host.PathOf(name), ScanAsync);
            // A repository seen for the first time at start-up is a baseline, not a push; one that
            // appears while running reports its refs as created.
            watched.Remembered = _store.Load(name) ?? (atStartup ? RefTips.Read(watched.Path) : []);
            _repositories[name] = watched;
            watched.MarkDirty();
        }
    }

    private Task ScanAsync(WatchedRepository repository)
    {
        try
        {
            var previous = repository.Remembered ?? [];
            var current = RefTips.Read(repository.Path);
            foreach (var push in Diff(repository, previous, current))
            {
                LogPush(logger, push.Repository, push.Ref, push.Before, push.After, push.Commits.Count);
                _pushes.Publish(push);
            }
            repository.Remembered = current;
            _store.Save(repository.Name, current);
        }
        catch (Exception ex) when (ex is IOException or LibGit2Sharp.LibGit2SharpException or UnauthorizedAccessException)
        {
            // A half-written ref or a repository being deleted: the next file event scans again.
            LogScanFailed(logger, repository.Name, ex);
        }
        return Task.CompletedTask;
    }

    private static IEnumerable<GitPush> Diff(WatchedRepository repository, Dictionary<string, string> previous, Dictionary<string, string> current)
    {
        var changed = previous.Keys.Union(current.Keys)
            .Where(r => previous.GetValueOrDefault(r) != current.GetValueOrDefault(r))
            .Order(StringComparer.Ordinal);
        foreach (var name in changed)
        {
            var before = previous.GetValueOrDefault(name) ?? GitPush.ZeroSha;
            var after = current.GetValueOrDefault(name) ?? GitPush.ZeroSha;
            // Several pushes between two scans are reported one by one when the reflog links them.
            var updates = after == GitPush.ZeroSha ? null : RefTips.ReflogChain(repository.Path, name, before, after);
            foreach (var (from, to) in updates ?? [(before, after)])
            {
                // A new ref brings only the commits no other ref already had, as on GitHub.
                IEnumerable<string> exclude = from == GitPush.ZeroSha ? previous.Values : [from];
                var commits = to == GitPush.ZeroSha ? [] : RefTips.CommitsBetween(repository.Path, to, exclude);
                yield return new GitPush(repository.Name, name, from, to, commits);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push to {Repository} {Ref}: {Before} -> {After} ({CommitCount} commits)")]
    private static partial void LogPush(ILogger logger, string repository, string @ref, string before, string after, int commitCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scanning refs of {Repository} failed; the next change retries")]
    private static partial void LogScanFailed(ILogger logger, string repository, Exception exception);
}
