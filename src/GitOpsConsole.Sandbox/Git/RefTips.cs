using LibGit2Sharp;

namespace GitOpsConsole.Sandbox.Git;

/// <summary>Reads a bare repository's refs and the commits between two tips.</summary>
internal static class RefTips
{
    public const int MaxCommitsPerPush = 100;

    /// <summary>Every direct ref (branches, tags, notes) with the SHA it points at; HEAD and other symbolic refs are left out.</summary>
    public static Dictionary<string, string> Read(string repositoryPath)
    {
        using var repo = new Repository(repositoryPath);
        return repo.Refs
            .OfType<DirectReference>()
            .Where(r => r.CanonicalName.StartsWith("refs/", StringComparison.Ordinal))
            .ToDictionary(r => r.CanonicalName, r => r.TargetIdentifier, StringComparer.Ordinal);
    }

    /// <summary>
    /// The individual updates that moved a ref from <paramref name="before"/> to <paramref name="after"/>,
    /// oldest first, read from the reflog; null when the reflog has no unbroken chain between them
    /// (reflog off, expired or rewritten), in which case the caller reports one update.
    /// </summary>
    public static IReadOnlyList<(string From, string To)>? ReflogChain(string repositoryPath, string refName, string before, string after)
    {
        using var repo = new Repository(repositoryPath);
        var chain = new List<(string From, string To)>();
        var expectedTo = after;
        foreach (var entry in repo.Refs.Log(refName).Take(MaxCommitsPerPush))
        {
            if (entry.To.Sha != expectedTo)
            {
                return null;
            }
            chain.Add((entry.From.Sha, entry.To.Sha));
            if (entry.From.Sha == before)
            {
                chain.Reverse();
                return chain;
            }
            expectedTo = entry.From.Sha;
        }
        return null;
    }

    /// <summary>
    /// Commits reachable from <paramref name="after"/> but not from <paramref name="exclude"/>,
    /// oldest first and capped, like the commit list of a push webhook.
    /// </summary>
    public static IReadOnlyList<GitPushCommit> CommitsBetween(string repositoryPath, string after, IEnumerable<string> exclude)
    {
        using var repo = new Repository(repositoryPath);
        if (repo.Lookup(after)?.Peel<Commit>() is not { } tip)
        {
            return [];
        }
        var excluded = exclude
            .Where(sha => sha != GitPush.ZeroSha)
            .Select(sha => repo.Lookup(sha)?.Peel<Commit>())
            .OfType<Commit>()
            .ToList();
        var filter = new CommitFilter
        {
            IncludeReachableFrom = tip,
            ExcludeReachableFrom = excluded,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
        return [.. repo.Commits.QueryBy(filter)
            .Take(MaxCommitsPerPush)
            .Reverse()
            .Select(c => new GitPushCommit(c.Sha, $"{c.Author.Name} <{c.Author.Email}>", c.Message.TrimEnd('\n'), c.Author.When))];
    }
}
