using System.Collections.Concurrent;
using LibGit2Sharp;
using LibGit2Sharp.Handlers;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// One bare mirror per application under <see cref="GitMirrorOptions.MirrorDirectory"/>: cloned on
/// first use, fetched on demand. Every operation on an application's mirror holds that
/// application's lock, so a fetch never races a push, while different applications run in parallel.
/// LibGit2Sharp is synchronous; the work runs on the thread pool so callers' threads stay free.
/// </summary>
public sealed class GitMirrorCache : IDisposable
{
    private readonly GitMirrorOptions _options;
    private readonly IRepositoryUrlResolver _resolver;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _added = new(StringComparer.Ordinal);

    public GitMirrorCache(GitMirrorOptions options, IRepositoryUrlResolver resolver, ILogger<GitMirrorCache> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxPushAttempts < 1 || options.TrailerSearchDepth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxPushAttempts and TrailerSearchDepth must be at least 1.");
        }

        _options = options;
        _resolver = resolver;
        _logger = logger;
    }

    internal GitMirrorOptions Options => _options;

    internal ILogger Logger => _logger;

    /// <summary>An application added while running (the scenario lab's twins), beside those configured at start.</summary>
    public void AddRepository(string app, string repository)
    {
        if (_options.Repositories.ContainsKey(app) || !_added.TryAdd(app, repository) && _added[app] != repository)
        {
            throw new InvalidOperationException($"Application '{app}' already has a repository.");
        }
    }

    /// <summary>Forgets an application added while running and deletes its mirror (under its lock, so no operation is cut short).</summary>
    public async Task RemoveRepositoryAsync(string app, CancellationToken cancellationToken = default)
    {
        if (!_added.ContainsKey(app))
        {
            return;
        }

        var gate = _locks.GetOrAdd(app, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            _added.TryRemove(app, out _);
            var path = MirrorPath(app);
            if (Directory.Exists(path))
            {
                // libgit2 leaves pack files read-only.
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }

                Directory.Delete(path, recursive: true);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The mirror's folder for <paramref name="app"/> (it may not exist yet).</summary>
    public string MirrorPath(string app) => Path.Combine(Path.GetFullPath(_options.MirrorDirectory), app + ".git");

    /// <summary>Clones the application's repository if needed and fetches all branches and tags.</summary>
    public Task FetchAsync(string app, CancellationToken cancellationToken = default) =>
        RunAsync(app, session =>
        {
            session.Fetch();
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> on the application's mirror while holding its lock.</summary>
    internal async Task<T> RunAsync<T>(string app, Func<MirrorSession, T> work, CancellationToken cancellationToken)
    {
        var url = RemoteUrl(app);
        var gate = _locks.GetOrAdd(app, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() =>
            {
                try
                {
                    using var session = MirrorSession.Open(this, app, url, cancellationToken);
                    return work(session);
                }
                catch (LibGit2SharpException ex)
                {
                    // Operations name their failures themselves; this catches what libgit2 refuses in between
                    // (a corrupt mirror, a path whose parent is a file) so callers see one exception type.
                    throw Failure($"A Git operation on the mirror of application '{app}' failed", ex);
                }
            }, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    internal FetchOptions NewFetchOptions(CancellationToken cancellationToken) => new()
    {
        CredentialsProvider = CredentialsHandler(),
        Prune = true,
        TagFetchMode = TagFetchMode.All,

        // libgit2 cannot be cancelled from outside; returning false from a progress callback stops the transfer.
        OnTransferProgress = _ => !cancellationToken.IsCancellationRequested,
    };

    internal CredentialsHandler? CredentialsHandler()
    {
        if (_options.Credentials is not { } provider)
        {
            return null;
        }

        return (url, _, _) =>
        {
            var credential = provider(url);
            if (credential is null)
            {
                return new DefaultCredentials();
            }

            _secrets.TryAdd(credential.Token, 0);
            return new UsernamePasswordCredentials { Username = credential.Username, Password = credential.Token };
        };
    }

    /// <summary>Builds the exception for a failure, with every known secret taken out of the text.</summary>
    internal GitOperationException Failure(string what, Exception? cause)
    {
        var message = cause is null ? what : $"{what}: {cause.Message}";
        var safe = SecretRedactor.Redact(message, _secrets.Keys);
        GitLog.Failed(_logger, safe);

        // The cause's own message may hold a token, so it is only chained when redaction changed nothing.
        return new GitOperationException(safe, safe == message ? cause : null);
    }

    private string RemoteUrl(string app)
    {
        if (string.IsNullOrWhiteSpace(app) || app.Any(c => c is '/' or '\\') || app is "." or "..")
        {
            throw new GitOperationException($"'{app}' is not an application name.");
        }

        if (!_options.Repositories.TryGetValue(app, out var configured) && !_added.TryGetValue(app, out configured))
        {
            throw new GitOperationException($"No repository is configured for application '{app}'.");
        }

        return _resolver.Resolve(configured);
    }

    public void Dispose()
    {
        foreach (var gate in _locks.Values)
        {
            gate.Dispose();
        }
    }
}
