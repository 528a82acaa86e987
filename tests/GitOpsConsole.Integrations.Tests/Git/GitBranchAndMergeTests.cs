using System.Text;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Tests.Git;

public sealed class GitBranchAndMergeTests
{
    private const string Values = "chart/values.yaml";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateBranchAndPushAsync_FromOlderCommit_CreatesRemoteBranchThere()
    {
        using var git = GitTestContext.Create();
        var start = git.Remote.Tip();
        git.Remote.Commit("Later", new Dictionary<string, string> { ["README.md"] = "# later\n" });

        var result = await git.Writer.CreateBranchAndPushAsync(GitTestContext.App, "gitops/run-8", start[..10], Ct);
        var again = await git.Writer.CreateBranchAndPushAsync(GitTestContext.App, "gitops/run-8", start, Ct);

        Assert.Equal(new GitWriteResult(start, GitWriteOutcome.Committed), result);
        Assert.Equal(new GitWriteResult(start, GitWriteOutcome.NoChange), again);
        Assert.Equal(start, git.Remote.Tip("gitops/run-8"));
    }

    [Fact]
    public async Task CreateBranchAndPushAsync_BranchExistsElsewhere_Throws()
    {
        using var git = GitTestContext.Create();
        var start = git.Remote.Tip();
        git.Remote.Commit("Later", new Dictionary<string, string> { ["README.md"] = "# later\n" });

        var error = await Assert.ThrowsAsync<GitOperationException>(() => git.Writer.CreateBranchAndPushAsync(GitTestContext.App, "main", start, Ct));

        Assert.Contains("Branch 'main' already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeAsync_TargetNotMoved_FastForwards()
    {
        using var git = GitTestContext.Create();
        await git.Writer.CreateBranchAndPushAsync(GitTestContext.App, "pr-1", "main", Ct);
        var proposed = await git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "pr-1", Edits.One(Values, Edits.Replace("tag: v1", "tag: v2")), "Deploy v2", GitTestContext.Bot, [], Ct);

        var merged = await git.Writer.MergeAsync(GitTestContext.App, "pr-1", "main", "Merge pr-1", GitTestContext.Bot, [], Ct);
        var again = await git.Writer.MergeAsync(GitTestContext.App, "pr-1", "main", "Merge pr-1", GitTestContext.Bot, [], Ct);

        Assert.Equal(new GitWriteResult(proposed.Sha, GitWriteOutcome.Committed), merged);
        Assert.Equal(new GitWriteResult(proposed.Sha, GitWriteOutcome.NoChange), again);
        Assert.Equal(proposed.Sha, git.Remote.Tip());
    }

    [Fact]
    public async Task MergeAsync_TargetMoved_CreatesMergeCommitWithBothParentsThatRevertsAgainstTarget()
    {
        using var git = GitTestContext.Create();
        await git.Writer.CreateBranchAndPushAsync(GitTestContext.App, "pr-2", "main", Ct);
        var proposed = await git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "pr-2", Edits.One(Values, Edits.Replace("tag: v1", "tag: v2")), "Deploy v2", GitTestContext.Bot, [], Ct);
        var moved = git.Remote.Commit("Docs", new Dictionary<string, string> { ["README.md"] = "# docs\n" });

        var merged = await git.Writer.MergeAsync(
            GitTestContext.App, "pr-2", "main", "Merge pr-2", GitTestContext.Bot, [new("GitOps-Run", "31")], Ct);

        Assert.Equal(GitWriteOutcome.Committed, merged.Outcome);
        Assert.Equal($"{moved} {proposed.Sha}", git.Remote.Git("show", "-s", "--format=%P", merged.Sha).Trim());
        Assert.Contains("tag: v2", Encoding.UTF8.GetString(git.Remote.FileAt("main", Values)), StringComparison.Ordinal);
        Assert.Equal("# docs\n", Encoding.UTF8.GetString(git.Remote.FileAt("main", "README.md")));

        var reverted = await git.Writer.RevertAsync(GitTestContext.App, "main", merged.Sha, "Revert pr-2", GitTestContext.Bot, [], Ct);

        Assert.Equal(GitWriteOutcome.Committed, reverted.Outcome);
        Assert.Contains("tag: v1", Encoding.UTF8.GetString(git.Remote.FileAt("main", Values)), StringComparison.Ordinal);
        Assert.Equal("# docs\n", Encoding.UTF8.GetString(git.Remote.FileAt("main", "README.md")));
    }

    [Fact]
    public async Task MergeAsync_BothChangedSameLine_ThrowsAndPushesNothing()
    {
        using var git = GitTestContext.Create();
        await git.Writer.CreateBranchAndPushAsync(GitTestContext.App, "pr-3", "main", Ct);
        await git.Writer.CommitFileChangesAsync(
            GitTestContext.App, "pr-3", Edits.One(Values, Edits.Replace("tag: v1", "tag: v2")), "Deploy v2", GitTestContext.Bot, [], Ct);
        var tip = git.Remote.Commit("Deploy v3", new Dictionary<string, string>
        {
            [Values] = GitTestContext.InitialFiles[Values].Replace("tag: v1", "tag: v3", StringComparison.Ordinal),
        });

        var error = await Assert.ThrowsAsync<GitOperationException>(() =>
            git.Writer.MergeAsync(GitTestContext.App, "pr-3", "main", "Merge pr-3", GitTestContext.Bot, [], Ct));

        Assert.Contains("conflicts in chart/values.yaml", error.Message, StringComparison.Ordinal);
        Assert.Equal(tip, git.Remote.Tip());
    }
}
