using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

/// <summary>Finds the newest commit reachable from a tip whose message carries all given trailers.</summary>
internal static class TrailerSearch
{
    public static Commit? Find(Repository repository, Commit tip, IReadOnlyList<GitTrailer> trailers, int depth)
    {
        if (trailers.Count == 0)
        {
            return null;
        }

        var filter = new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Topological };
        return repository.Commits.QueryBy(filter)
            .Take(depth)
            .FirstOrDefault(c => GitTrailers.HasAll(c.Message, trailers));
    }
}
