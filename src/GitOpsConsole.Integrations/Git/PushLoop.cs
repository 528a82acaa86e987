using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// The shape every write shares: fetch, look for the commit this change already made, build the
/// change on the remote tip, push; when the branch moved in between, start over on the new tip.
/// Re-building from the new tip (instead of rebasing a finished commit) means each attempt sees the
/// other writers' content, so nothing they pushed is lost.
/// </summary>
internal static class PushLoop
{
    /// <param name="build">Makes the commit to push on top of the given tip; null when the change is already in effect.</param>
    public static GitWriteResult Run(
        MirrorSession session, string branch, IReadOnlyList<GitTrailer> trailers, string operation, Func<Commit, Commit?> build)
    {
        var maxAttempts = session.Options.MaxPushAttempts;
        for (var attempt = 1; ; attempt++)
        {
            session.Fetch();
            var tip = session.RequireTip(branch);

            // Checked on every attempt: a push reported as failed may still have landed.
            if (TrailerSearch.Find(session.Repository, tip, trailers, session.Options.TrailerSearchDepth) is { } existing)
            {
                GitLog.AlreadyCommitted(session.Logger, session.App, branch, existing.Sha);
                return new GitWriteResult(existing.Sha, GitWriteOutcome.AlreadyDone);
            }

            var commit = build(tip);
            if (commit is null)
            {
                return new GitWriteResult(tip.Sha, GitWriteOutcome.NoChange);
            }

            if (session.TryPush(commit, branch))
            {
                return new GitWriteResult(commit.Sha, GitWriteOutcome.Committed);
            }

            if (attempt >= maxAttempts)
            {
                throw session.Fail(
                    $"Gave up {operation} on branch '{branch}' of {session.Describe} after {maxAttempts} attempts: the branch moved before each push",
                    null);
            }

            GitLog.PushRejected(session.Logger, session.App, branch, attempt, maxAttempts);
        }
    }
}
