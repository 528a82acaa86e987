using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

internal static class CommitInfoMapper
{
    public static GitCommitInfo ToInfo(this Commit commit) => new(
        commit.Sha,
        commit.Author.Name,
        commit.Author.Email,
        commit.Message,
        commit.Author.When,
        [.. commit.Parents.Select(p => p.Sha)]);
}
