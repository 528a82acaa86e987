using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Tests.Git;

public sealed class GitHistoryReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DiffAsync_TwoRevisions_ReturnsUnifiedDiffOfTheChange()
    {
        using var git = GitTestContext.Create();
        var from = git.Remote.Tip();
        var to = git.Remote.Commit("Deploy v2", new Dictionary<string, string>
        {
            ["chart/values.yaml"] = GitTestContext.InitialFiles["chart/values.yaml"].Replace("tag: v1", "tag: v2", StringComparison.Ordinal),
            ["README.md"] = "# shop, now v2\n",
        });

        var diff = await git.Reader.DiffAsync(GitTestContext.App, from, to, cancellationToken: Ct);

        Assert.Contains("diff --git a/chart/values.yaml b/chart/values.yaml", diff, StringComparison.Ordinal);
        Assert.Contains("\n-  tag: v1\n+  tag: v2\n", diff, StringComparison.Ordinal);
        Assert.Contains("diff --git a/README.md b/README.md", diff, StringComparison.Ordinal);
        Assert.Equal(GitCli.Run(git.Remote.BarePath, "diff", from, to), diff);
    }

    [Fact]
    public async Task DiffAsync_LimitedToFolder_LeavesOtherFilesOut()
    {
        using var git = GitTestContext.Create();
        var from = git.Remote.Tip();
        var to = git.Remote.Commit("Deploy v2", new Dictionary<string, string>
        {
            ["chart/values.yaml"] = "image:\n  tag: v2\n",
            ["README.md"] = "# shop, now v2\n",
        });

        var diff = await git.Reader.DiffAsync(GitTestContext.App, from, to, "chart", Ct);

        Assert.Contains("chart/values.yaml", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("README.md", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListCommitsAsync_Range_ReturnsCommitsAfterFromNewestFirst()
    {
        using var git = GitTestContext.Create();
        var from = git.Remote.Tip();
        var second = git.Remote.Commit("Second", new Dictionary<string, string> { ["a.txt"] = "a\n" });
        var third = git.Remote.Commit("Third\n\nWith a body.", new Dictionary<string, string> { ["b.txt"] = "b\n" });

        var commits = await git.Reader.ListCommitsAsync(GitTestContext.App, from, "main", Ct);

        Assert.Equal([third, second], commits.Select(c => c.Sha));
        Assert.Equal("Third", commits[0].Subject);
        Assert.Equal("Third\n\nWith a body.\n", commits[0].Message);
        Assert.Equal("Other Developer", commits[0].AuthorName);
        Assert.Equal("other@example.test", commits[0].AuthorEmail);
        Assert.Equal([second], commits[0].Parents);
    }

    [Fact]
    public async Task ListCommitsAsync_SameRevision_ReturnsNothing()
    {
        using var git = GitTestContext.Create();

        Assert.Empty(await git.Reader.ListCommitsAsync(GitTestContext.App, "main", "main", Ct));
    }

    [Fact]
    public async Task FindCommitByTrailersAsync_CommitWithAllTrailers_ReturnsIt()
    {
        using var git = GitTestContext.Create();
        var tagged = git.Remote.Commit("Deploy v2\n\nGitOps-Run: 41\nGitOps-Step: set-image-tag", new Dictionary<string, string> { ["a.txt"] = "a\n" });
        git.Remote.Commit("Unrelated", new Dictionary<string, string> { ["b.txt"] = "b\n" });

        var found = await git.Reader.FindCommitByTrailersAsync(
            GitTestContext.App, "main", [new("GitOps-Run", "41"), new("GitOps-Step", "set-image-tag")], Ct);
        var otherStep = await git.Reader.FindCommitByTrailersAsync(
            GitTestContext.App, "main", [new("GitOps-Run", "41"), new("GitOps-Step", "revert")], Ct);

        Assert.Equal(tagged, found?.Sha);
        Assert.Null(otherStep);
    }
}
