namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// Writes to an application's deployment repository: each write is one commit pushed on top of the
/// remote branch tip, retried on a moved branch, and idempotent by its trailers (a commit already
/// on the branch with the same trailers is returned instead of committing again).
/// </summary>
public interface IGitWriter
{
    /// <summary>
    /// Applies each path's edit (current bytes or null when absent → new bytes, or null to delete),
    /// commits and pushes. On a moved branch the edits run again on the new tip.
    /// </summary>
    Task<GitWriteResult> CommitFileChangesAsync(
        string app,
        string branch,
        IReadOnlyDictionary<string, Func<byte[]?, byte[]?>> edits,
        string message,
        GitSignature author,
        IReadOnlyList<GitTrailer> trailers,
        CancellationToken cancellationToken = default);

    /// <summary>Pushes a commit that undoes <paramref name="commit"/> on top of the branch tip; a conflict is an error and pushes nothing.</summary>
    Task<GitWriteResult> RevertAsync(
        string app,
        string branch,
        string commit,
        string message,
        GitSignature author,
        IReadOnlyList<GitTrailer> trailers,
        CancellationToken cancellationToken = default);

    /// <summary>Creates <paramref name="branch"/> on the remote at <paramref name="fromRevision"/> (PR mode).</summary>
    Task<GitWriteResult> CreateBranchAndPushAsync(string app, string branch, string fromRevision, CancellationToken cancellationToken = default);

    /// <summary>Merges the remote <paramref name="sourceBranch"/> into <paramref name="targetBranch"/>: fast-forward when possible, else a merge commit.</summary>
    Task<GitWriteResult> MergeAsync(
        string app,
        string sourceBranch,
        string targetBranch,
        string message,
        GitSignature author,
        IReadOnlyList<GitTrailer> trailers,
        CancellationToken cancellationToken = default);
}
