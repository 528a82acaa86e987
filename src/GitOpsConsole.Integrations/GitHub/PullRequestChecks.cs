using Octokit;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>Whether a head commit's statuses (the combined status) and check runs (GitHub Actions, apps) all passed.</summary>
internal static class PullRequestChecks
{
    private static readonly string[] Passing = ["success", "neutral", "skipped"];

    public static async Task<MergeAttempt> ReadAsync(IGitHubClient client, GitHubRepository repository, string sha)
    {
        var combined = await client.Repository.Status.GetCombined(repository.Owner, repository.Name, sha);
        var runs = await client.Check.Run.GetAllForReference(repository.Owner, repository.Name, sha);

        var failed = combined.Statuses.Where(s => s.State.StringValue is "failure" or "error").Select(s => s.Context)
            .Concat(runs.CheckRuns.Where(r => r.Conclusion is { } c && !Passing.Contains(c.StringValue)).Select(r => r.Name))
            .ToList();
        if (failed.Count > 0)
        {
            return new MergeAttempt(MergeOutcome.ChecksFailed, $"failed: {string.Join(", ", failed)}");
        }

        // A commit without statuses has combined state "pending" with total_count 0: that alone is not a check to wait for.
        var pending = combined.Statuses.Where(s => s.State.StringValue == "pending").Select(s => s.Context)
            .Concat(runs.CheckRuns.Where(r => r.Conclusion is null).Select(r => r.Name))
            .ToList();
        return pending.Count > 0
            ? new MergeAttempt(MergeOutcome.ChecksPending, $"waiting for: {string.Join(", ", pending)}")
            : new MergeAttempt(MergeOutcome.Merged, "all checks passed");
    }
}
