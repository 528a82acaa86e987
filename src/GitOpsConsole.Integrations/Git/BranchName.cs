using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

internal static class BranchName
{
    /// <summary>The branch name if Git accepts it (<c>main</c>, <c>gitops/run-42</c>), else a clear error.</summary>
    public static string Validate(string branch)
    {
        if (string.IsNullOrWhiteSpace(branch)
            || branch.StartsWith("refs/", StringComparison.Ordinal)
            || !Reference.IsValidName("refs/heads/" + branch))
        {
            throw new GitOperationException($"'{branch}' is not a valid branch name.");
        }

        return branch;
    }
}
