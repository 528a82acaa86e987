using System.Text;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Tests.Git;

public sealed class GitRevertTests
{
    private const string Values = "chart/values.yaml";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly GitTrailer[] Rollback = [new("GitOps-Run", "23"), new("GitOps-Step", "rollback")];

    private static string ValuesWith(string tag) =>
        GitTestContext.InitialFiles[Values].Replace("tag: v1", $"tag: {tag}", StringComparison.Ordinal);

    [Fact]
    public async Task RevertAsync_DeployCommit_PushesRevertCommitRestoringTheFile()
    {
        using var git = GitTestContext.Create();
        var good = git.Remote.FileAt("main", Values);
        var bad = git.Remote.Commit("Deploy v2", new Dictionary<string, string> { [Values] = ValuesWith("v2") });
        var later = git.Remote.Commit("Docs", new Dictionary<string, string> { ["README.md"] = "# shop docs\n" });

        var result = await git.Writer.RevertAsync(GitTestContext.App, "main", bad[..7], "Roll back shop to v1", GitTestContext.Bot, Rollback, Ct);

        Assert.Equal(GitWriteOutcome.Committed, result.Outcome);
        Assert.Equal(result.Sha, git.Remote.Tip());
        Assert.Equal(good, git.Remote.FileAt("main", Values));
        Assert.Equal("# shop docs\n", Encoding.UTF8.GetString(git.Remote.FileAt("main", "README.md")));
        Assert.Equal(later, git.Remote.Git("rev-parse", $"{result.Sha}^").Trim());
        Assert.Equal(
            $"Roll back shop to v1\n\nThis reverts commit {bad}.\n\nGitOps-Run: 23\nGitOps-Step: rollback",
            git.Remote.Git("show", "-s", "--format=%B", result.Sha).Trim());
    }

    [Fact]
    public async Task RevertAsync_SameTrailersTwice_RevertsOnce()
    {
        using var git = GitTestContext.Create();
        var bad = git.Remote.Commit("Deploy v2", new Dictionary<string, string> { [Values] = ValuesWith("v2") });

        var first = await git.Writer.RevertAsync(GitTestContext.App, "main", bad, "Roll back", GitTestContext.Bot, Rollback, Ct);
        var count = git.Remote.CommitCount();
        var second = await git.Writer.RevertAsync(GitTestContext.App, "main", bad, "Roll back", GitTestContext.Bot, Rollback, Ct);

        Assert.Equal(new GitWriteResult(first.Sha, GitWriteOutcome.AlreadyDone), second);
        Assert.Equal(count, git.Remote.CommitCount());
    }

    [Fact]
    public async Task RevertAsync_LaterCommitChangedSameLine_ThrowsConflictAndLeavesRemoteUntouched()
    {
        using var git = GitTestContext.Create();
        var bad = git.Remote.Commit("Deploy v2", new Dictionary<string, string> { [Values] = ValuesWith("v2") });
        var tip = git.Remote.Commit("Deploy v3", new Dictionary<string, string> { [Values] = ValuesWith("v3") });
        var refsBefore = git.Remote.Git("for-each-ref");

        var error = await Assert.ThrowsAsync<GitOperationException>(() =>
            git.Writer.RevertAsync(GitTestContext.App, "main", bad, "Roll back", GitTestContext.Bot, Rollback, Ct));

        Assert.Contains("conflicts", error.Message, StringComparison.Ordinal);
        Assert.Contains(Values, error.Message, StringComparison.Ordinal);
        Assert.Contains("branch 'main'", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was pushed", error.Message, StringComparison.Ordinal);
        Assert.Equal(tip, git.Remote.Tip());
        Assert.Equal(refsBefore, git.Remote.Git("for-each-ref"));
    }

    [Fact]
    public async Task RevertAsync_CommitNotOnBranch_Throws()
    {
        using var git = GitTestContext.Create();
        var elsewhere = git.Remote.Commit("Experiment", new Dictionary<string, string> { ["x.txt"] = "x\n" }, branch: "experiment");

        var error = await Assert.ThrowsAsync<GitOperationException>(() =>
            git.Writer.RevertAsync(GitTestContext.App, "main", elsewhere, "Roll back", GitTestContext.Bot, Rollback, Ct));

        Assert.Contains("not on branch 'main'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevertAsync_AlreadyUndoneByHand_PushesNothing()
    {
        using var git = GitTestContext.Create();
        var bad = git.Remote.Commit("Deploy v2", new Dictionary<string, string> { [Values] = ValuesWith("v2") });
        var undone = git.Remote.Commit("Back to v1 by hand", new Dictionary<string, string> { [Values] = ValuesWith("v1") });

        var result = await git.Writer.RevertAsync(GitTestContext.App, "main", bad, "Roll back", GitTestContext.Bot, Rollback, Ct);

        Assert.Equal(new GitWriteResult(undone, GitWriteOutcome.NoChange), result);
    }
}
