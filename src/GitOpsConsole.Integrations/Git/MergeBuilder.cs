using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

/// <summary>What merging a source branch into a target's tip needs: nothing, a fast-forward, or a merge commit's tree.</summary>
internal static class MergeBuilder
{
    public static MergePlan Plan(MirrorSession session, string target, Commit tip, Commit source)
    {
        var repository = session.Repository;
        var mergeBase = repository.ObjectDatabase.FindMergeBase(tip, source);
        if (mergeBase?.Id == source.Id)
        {
            return new MergePlan(null, null);
        }

        if (mergeBase?.Id == tip.Id)
        {
            return new MergePlan(source, null);
        }

        var result = repository.ObjectDatabase.MergeCommits(tip, source, new MergeTreeOptions());
        if (result.Status == MergeTreeStatus.Conflicts)
        {
            var paths = result.Conflicts
                .Select(c => c.Ours?.Path ?? c.Theirs?.Path ?? c.Ancestor?.Path)
                .Distinct()
                .Order(StringComparer.Ordinal);
            throw session.Fail(
                $"Merging {source.Sha[..7]} into branch '{target}' of {session.Describe} conflicts in {string.Join(", ", paths)}; nothing was pushed",
                null);
        }

        return new MergePlan(null, result.Tree);
    }
}

/// <param name="FastForwardTo">The commit the target can move to as is.</param>
/// <param name="MergeTree">The tree of the merge commit to create.</param>
internal sealed record MergePlan(Commit? FastForwardTo, Tree? MergeTree);
