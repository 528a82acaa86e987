using LibGit2Sharp;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// One locked use of an application's mirror: the open repository plus fetch and push against its
/// remote. Branch tips are read from <c>refs/remotes/origin/*</c>, i.e. the remote as last fetched.
/// </summary>
internal sealed class MirrorSession : IDisposable
{
    private const string RemoteName = "origin";
    private const string PushRef = "refs/gitops/push";
    private static readonly string[] FetchSpecs = ["+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*"];

    private readonly GitMirrorCache _cache;
    private readonly CancellationToken _cancellationToken;

    private MirrorSession(GitMirrorCache cache, string app, string url, Repository repository, CancellationToken cancellationToken)
    {
        _cache = cache;
        App = app;
        Url = url;
        SafeUrl = SecretRedactor.RedactUrl(url);
        Repository = repository;
        _cancellationToken = cancellationToken;
    }

    public string App { get; }

    public string Url { get; }

    /// <summary>The URL with any embedded user info removed.</summary>
    public string SafeUrl { get; }

    public Repository Repository { get; }

    public GitMirrorOptions Options => _cache.Options;

    public ILogger Logger => _cache.Logger;

    /// <summary>"application 'x' (url)" with credentials removed, for messages.</summary>
    public string Describe => $"application '{App}' ({SafeUrl})";

    public static MirrorSession Open(GitMirrorCache cache, string app, string url, CancellationToken cancellationToken)
    {
        var path = cache.MirrorPath(app);
        if (!Repository.IsValid(path))
        {
            MirrorCloner.Clone(cache, app, url, path, cancellationToken);
        }

        var repository = new Repository(path);
        var session = new MirrorSession(cache, app, url, repository, cancellationToken);
        if (repository.Network.Remotes[RemoteName] is { } remote && remote.Url != url)
        {
            // The configuration now names another repository: its branches replace the old ones at once,
            // so no read is ever answered from the repository the application no longer uses.
            repository.Network.Remotes.Update(RemoteName, r => r.Url = url);
            try
            {
                session.Fetch();
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }

        return session;
    }

    public void Fetch()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Commands.Fetch(Repository, RemoteName, FetchSpecs, _cache.NewFetchOptions(_cancellationToken), null);
        }
        catch (LibGit2SharpException ex)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            throw Fail($"Could not fetch {Describe}", ex);
        }

        GitLog.Fetched(_cache.Logger, App, SafeUrl);
    }

    /// <summary>The remote branch's tip as last fetched, or null when the remote has no such branch.</summary>
    public Commit? TipOf(string branch) =>
        Repository.Refs[$"refs/remotes/{RemoteName}/{branch}"]?.ResolveToDirectReference()?.Target as Commit;

    public Commit RequireTip(string branch) =>
        TipOf(branch) ?? throw Fail($"Branch '{branch}' does not exist in {Describe}", null);

    /// <summary>Pushes <paramref name="commit"/> to <paramref name="branch"/>; false when the remote refused because the branch moved.</summary>
    public bool TryPush(Commit commit, string branch)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        string? refusal = null;
        var options = new PushOptions
        {
            CredentialsProvider = _cache.CredentialsHandler(),
            OnPushStatusError = error => refusal = error.Message,
        };

        // libgit2 pushes references, not bare commits, so the commit gets a private ref for the push.
        Repository.Refs.Add(PushRef, commit.Id, allowOverwrite: true);
        try
        {
            Repository.Network.Push(Repository.Network.Remotes[RemoteName], $"{PushRef}:refs/heads/{branch}", options);
        }
        catch (NonFastForwardException)
        {
            return false;
        }
        catch (LibGit2SharpException ex)
        {
            throw Fail($"Could not push to branch '{branch}' of {Describe}", ex);
        }
        finally
        {
            Repository.Refs.Remove(PushRef);
        }

        if (refusal is not null)
        {
            if (IsMovedBranch(refusal))
            {
                return false;
            }

            throw Fail($"The remote refused the push to branch '{branch}' of {Describe}: {refusal}", null);
        }

        Repository.Refs.Add($"refs/remotes/{RemoteName}/{branch}", commit.Id, allowOverwrite: true);
        GitLog.Pushed(_cache.Logger, App, branch, commit.Sha);
        return true;
    }

    public GitOperationException Fail(string what, Exception? cause) => _cache.Failure(what, cause);

    public void Dispose() => Repository.Dispose();

    private static bool IsMovedBranch(string refusal) =>
        refusal.Contains("non-fast-forward", StringComparison.OrdinalIgnoreCase)
        || refusal.Contains("fetch first", StringComparison.OrdinalIgnoreCase)
        || refusal.Contains("failed to update ref", StringComparison.OrdinalIgnoreCase);
}
