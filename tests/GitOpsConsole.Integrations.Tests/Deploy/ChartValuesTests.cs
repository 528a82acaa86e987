using System.Text;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Helm.ValuesEditing;
using GitOpsConsole.Integrations.Deploy;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Tests.Git;

namespace GitOpsConsole.Integrations.Tests.Deploy;

/// <summary><c>values.set</c> and <c>chart.bump_version</c> on a real repository: one commit per step, comments kept, bad input commits nothing.</summary>
public sealed class ChartValuesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly RunStepKey Step = new(Guid.Parse("0195c0de-0000-7000-8000-000000000001"), "agent-2");

    private static Application App() => new()
    {
        Name = GitTestContext.App, Environment = "dev", RepositoryUrl = "sandbox:shop", Namespace = "shop", Branch = "main", Path = "chart", ValuesFile = "values.yaml",
    };

    [Fact]
    public async Task SetValueAsync_ReplicaCountTwiceInOneStep_CommitsOnceTypedWithTheRunsTrailers()
    {
        using var git = GitTestContext.Create();
        git.Remote.Commit("Comment", new Dictionary<string, string> { ["chart/values.yaml"] = "# how many\nreplicaCount: 1 # pods\nimage:\n  tag: v1\n" });
        var tool = new ValuesTool(git.Writer, git.Reader);

        var first = await tool.SetValueAsync(App(), "values.yaml", "replicaCount", "3", Step, Ct);
        var count = git.Remote.CommitCount();
        var again = await tool.SetValueAsync(App(), "values.yaml", "replicaCount", "3", Step, Ct);

        Assert.Equal(GitChangeOutcome.Committed, first.Outcome);
        Assert.Equal("Committed " + first.CommitSha[..7] + ": chart/values.yaml replicaCount 1 → 3", first.Summary);
        Assert.Equal((GitChangeOutcome.AlreadyDone, first.CommitSha), (again.Outcome, again.CommitSha));
        Assert.Equal(count, git.Remote.CommitCount());
        Assert.Equal("# how many\nreplicaCount: 3 # pods\nimage:\n  tag: v1\n", Encoding.UTF8.GetString(git.Remote.FileAt("main", "chart/values.yaml")));
        Assert.EndsWith($"GitOps-Run: {Step.RunId}\nGitOps-Step: agent-2", git.Remote.Git("show", "-s", "--format=%B", first.CommitSha).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetValueAsync_TextThatLooksLikeANumber_IsTypedOnlyWhenItIsOne()
    {
        using var git = GitTestContext.Create();
        var tool = new ValuesTool(git.Writer, git.Reader);

        await tool.SetValueAsync(App(), "values.yaml", "image.tag", "v2", Step, Ct);
        await tool.SetValueAsync(App(), "values.yaml", "service.port", "8080", Step with { Step = "agent-3" }, Ct);

        var values = Encoding.UTF8.GetString(git.Remote.FileAt("main", "chart/values.yaml"));
        Assert.Contains("  tag: v2\n", values, StringComparison.Ordinal);
        Assert.Contains("  port: 8080\n", values, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("values.yaml", "no.such", typeof(YamlEditException))]
    [InlineData("values.yaml", "image", typeof(YamlEditException))]
    [InlineData("values.yaml", "image..tag", typeof(YamlEditException))]
    [InlineData("../README.md", "x", typeof(GitOperationException))]
    [InlineData("templates/deployment.txt", "x", typeof(GitOperationException))]
    [InlineData("missing.yaml", "x", typeof(GitOperationException))]
    public async Task SetValueAsync_BadFileOrPath_RefusesAndCommitsNothing(string file, string yamlPath, Type error)
    {
        using var git = GitTestContext.Create();
        var tip = git.Remote.Tip();

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => new ValuesTool(git.Writer, git.Reader).SetValueAsync(App(), file, yamlPath, "1", Step, Ct));

        Assert.IsType(error, thrown);
        Assert.Equal(tip, git.Remote.Tip());
    }

    [Theory]
    [InlineData(SemverPart.Major, "1.0.0")]
    [InlineData(SemverPart.Minor, "0.2.0")]
    [InlineData(SemverPart.Patch, "0.1.1")]
    public async Task BumpChartVersionAsync_EachPart_CommitsTheNextVersion(SemverPart part, string expected)
    {
        using var git = GitTestContext.Create();

        var change = await new ValuesTool(git.Writer, git.Reader).BumpChartVersionAsync(App(), part, Step, Ct);

        Assert.Equal(GitChangeOutcome.Committed, change.Outcome);
        Assert.Equal($"apiVersion: v2\nname: shop\nversion: {expected}\n", Encoding.UTF8.GetString(git.Remote.FileAt("main", "chart/Chart.yaml")));
    }

    [Fact]
    public async Task BumpChartVersionAsync_RetriedStep_BumpsOnce()
    {
        using var git = GitTestContext.Create();
        var tool = new ValuesTool(git.Writer, git.Reader);

        var first = await tool.BumpChartVersionAsync(App(), SemverPart.Minor, Step, Ct);
        var again = await tool.BumpChartVersionAsync(App(), SemverPart.Minor, Step, Ct);

        Assert.Equal((GitChangeOutcome.AlreadyDone, first.CommitSha), (again.Outcome, again.CommitSha));
        Assert.Contains("version: 0.2.0\n", Encoding.UTF8.GetString(git.Remote.FileAt("main", "chart/Chart.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BumpChartVersionAsync_VersionNotSemver_RefusesAndCommitsNothing()
    {
        using var git = GitTestContext.Create();
        var tip = git.Remote.Commit("Odd version", new Dictionary<string, string> { ["chart/Chart.yaml"] = "apiVersion: v2\nname: shop\nversion: latest\n" });

        var error = await Assert.ThrowsAsync<GitOperationException>(() => new ValuesTool(git.Writer, git.Reader).BumpChartVersionAsync(App(), SemverPart.Patch, Step, Ct));

        Assert.Contains("'latest' is not a semantic version", error.Message, StringComparison.Ordinal);
        Assert.Equal(tip, git.Remote.Tip());
    }
}
