namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// Reads an application's deployment repository from its local mirror. A revision is a branch of
/// the remote, a tag, or a full or short commit SHA. Branches and tags resolve as of the last fetch
/// (call <see cref="GitMirrorCache.FetchAsync"/> when a push event arrives); a SHA the mirror does
/// not have yet triggers one fetch by itself.
/// </summary>
public interface IGitReader
{
    /// <summary>The full SHA of the commit <paramref name="revision"/> names.</summary>
    Task<string> ResolveAsync(string app, string revision, CancellationToken cancellationToken = default);

    /// <summary>The bytes of one file at a revision; a missing file is an error.</summary>
    Task<byte[]> ReadFileAsync(string app, string revision, string path, CancellationToken cancellationToken = default);

    /// <summary>Every file under a folder at a revision, keyed by '/'-separated path relative to that folder.</summary>
    Task<IReadOnlyDictionary<string, byte[]>> ReadFolderAsync(string app, string revision, string folder, CancellationToken cancellationToken = default);

    /// <summary>A unified diff from one revision to another, optionally limited to a file or folder.</summary>
    Task<string> DiffAsync(string app, string fromRevision, string toRevision, string? path = null, CancellationToken cancellationToken = default);

    /// <summary>Commits reachable from <paramref name="toRevision"/> but not from <paramref name="fromRevision"/>, newest first.</summary>
    Task<IReadOnlyList<GitCommitInfo>> ListCommitsAsync(string app, string fromRevision, string toRevision, CancellationToken cancellationToken = default);

    /// <summary>The newest commit on the remote branch carrying all <paramref name="trailers"/>, or null.</summary>
    Task<GitCommitInfo?> FindCommitByTrailersAsync(string app, string branch, IReadOnlyList<GitTrailer> trailers, CancellationToken cancellationToken = default);
}
