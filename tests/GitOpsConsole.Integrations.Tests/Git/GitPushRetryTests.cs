using System.Text;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Tests.Git;

/// <summary>
/// The branch moving between the adapter's fetch and its push. The edit function runs in exactly
/// that window, so "another developer" pushes from inside it with the git CLI.
/// </summary>
public sealed class GitPushRetryTests
{
    private const string Values = "chart/values.yaml";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommitFileChangesAsync_BranchMovedBeforePush_ReappliesOnNewTipAndKeepsOtherCommit()
    {
        using var git = GitTestContext.Create();
        var seen = new List<string>();
        string? otherCommit = null;
        var tagEdit = Edits.Replace("tag: v1", "tag: v2");

        var result = await git.Writer.CommitFileChangesAsync(
            GitTestContext.App,
            "main",
            Edits.One(Values, current =>
            {
                seen.Add(Encoding.UTF8.GetString(current!));
                otherCommit ??= git.Remote.Commit("Scale to 3", new Dictionary<string, string>
                {
                    [Values] = GitTestContext.InitialFiles[Values].Replace("replicaCount: 1", "replicaCount: 3", StringComparison.Ordinal),
                });
                return tagEdit(current);
            }),
            "Deploy shop v2",
            GitTestContext.Bot,
            [new("GitOps-Run", "5")],
            Ct);

        Assert.Equal(GitWriteOutcome.Committed, result.Outcome);
        Assert.Equal(2, seen.Count);
        Assert.Contains("replicaCount: 3", seen[1], StringComparison.Ordinal);
        Assert.Equal(otherCommit, git.Remote.Git("rev-parse", $"{result.Sha}^").Trim());
        var final = Encoding.UTF8.GetString(git.Remote.FileAt("main", Values));
        Assert.Contains("replicaCount: 3", final, StringComparison.Ordinal);
        Assert.Contains("tag: v2", final, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitFileChangesAsync_BranchMovesBeforeEveryPush_GivesUpWithClearError()
    {
        using var git = GitTestContext.Create(maxPushAttempts: 3);
        var attempts = 0;

        var error = await Assert.ThrowsAsync<GitOperationException>(() => git.Writer.CommitFileChangesAsync(
            GitTestContext.App,
            "main",
            Edits.One(Values, current =>
            {
                attempts++;
                git.Remote.Commit($"Other change {attempts}", new Dictionary<string, string> { ["README.md"] = $"# shop {attempts}\n" });
                return Edits.Replace("tag: v1", "tag: v2")(current);
            }),
            "Deploy shop v2",
            GitTestContext.Bot,
            [],
            Ct));

        Assert.Equal(3, attempts);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("branch 'main'", error.Message, StringComparison.Ordinal);
        Assert.Contains("tag: v1", Encoding.UTF8.GetString(git.Remote.FileAt("main", Values)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitFileChangesAsync_OwnCommitLandedDuringRetry_ReturnsItInsteadOfCommittingAgain()
    {
        using var git = GitTestContext.Create();
        var trailers = new[] { new GitTrailer("GitOps-Run", "9"), new GitTrailer("GitOps-Step", "deploy") };
        string? landed = null;

        // Another console instance made the same step's commit while this one was working on it.
        var result = await git.Writer.CommitFileChangesAsync(
            GitTestContext.App,
            "main",
            Edits.One(Values, current =>
            {
                landed ??= git.Remote.Commit("Deploy shop v2\n\nGitOps-Run: 9\nGitOps-Step: deploy", new Dictionary<string, string> { ["other.txt"] = "x\n" });
                return Edits.Replace("tag: v1", "tag: v2")(current);
            }),
            "Deploy shop v2",
            GitTestContext.Bot,
            trailers,
            Ct);

        Assert.Equal(new GitWriteResult(landed!, GitWriteOutcome.AlreadyDone), result);
        Assert.Equal(landed, git.Remote.Tip());
    }
}
