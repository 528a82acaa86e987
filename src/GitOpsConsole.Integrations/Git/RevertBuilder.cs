using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

/// <summary>Computes the tree of "tip with one earlier commit undone", the way <c>git revert</c> does.</summary>
internal static class RevertBuilder
{
    /// <summary>The reverted tree, or null when the tip already has the commit undone.</summary>
    public static Tree? Build(MirrorSession session, string branch, Commit tip, Commit target)
    {
        var repository = session.Repository;
        var where = $"branch '{branch}' of {session.Describe}";
        if (!target.Parents.Any())
        {
            throw session.Fail($"Cannot revert {target.Sha[..7]} on {where}: it is the repository's first commit", null);
        }

        if (repository.ObjectDatabase.FindMergeBase(target, tip)?.Id != target.Id)
        {
            throw session.Fail($"Cannot revert {target.Sha[..7]}: it is not on {where}", null);
        }

        // A merge is undone against its first parent: the branch it was merged into.
        var mainline = target.Parents.Count() > 1 ? 1 : 0;
        var result = repository.ObjectDatabase.RevertCommit(target, tip, mainline, new MergeTreeOptions());
        if (result.Status == MergeTreeStatus.Conflicts)
        {
            var paths = result.Conflicts
                .Select(c => c.Ours?.Path ?? c.Theirs?.Path ?? c.Ancestor?.Path)
                .Distinct()
                .Order(StringComparer.Ordinal);
            throw session.Fail(
                $"Reverting {target.Sha[..7]} on {where} conflicts with later changes to {string.Join(", ", paths)}; nothing was pushed",
                null);
        }

        return result.Tree.Id == tip.Tree.Id ? null : result.Tree;
    }

    public static string Message(string message, Commit target) =>
        $"{message.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd()}\n\nThis reverts commit {target.Sha}.";
}
