using GitOpsConsole.Core.Domain;
using GitOpsConsole.Integrations.Deploy;
using GitOpsConsole.Integrations.Rendering;
using GitOpsConsole.Integrations.Tests.Git;

namespace GitOpsConsole.Integrations.Tests.Deploy;

public class RenderedManifestsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Application Shop = new()
    {
        Name = GitTestContext.App, Environment = "dev", RepositoryUrl = "shop", Path = "chart", Namespace = "shop",
    };

    private static string Values(string tag) => GitTestContext.InitialFiles["chart/values.yaml"].Replace("tag: v1", $"tag: {tag}", StringComparison.Ordinal);

    [Fact]
    public async Task DiffAsync_TagCommitted_ShowsTheRenderedImageLineReplaced()
    {
        using var git = GitTestContext.Create();
        var before = git.Remote.Tip();
        var deploy = git.Remote.Commit("deploy(shop): v2", new Dictionary<string, string> { ["chart/values.yaml"] = Values("v2") });
        var manifests = new RenderedManifests(git.Mirrors, git.Reader, new BuiltinChartRenderer());

        var diff = await manifests.DiffAsync(Shop, deploy, Ct);

        Assert.Null(diff.Error);
        Assert.Equal(before, diff.Before);
        Assert.Equal(deploy, diff.After);
        Assert.Equal(["image: v1"], diff.Lines.Where(l => l.Kind == ManifestLineKind.Removed).Select(l => l.Text));
        Assert.Equal(["image: v2"], diff.Lines.Where(l => l.Kind == ManifestLineKind.Added).Select(l => l.Text));
        Assert.Contains(diff.Lines, l => l is { Kind: ManifestLineKind.Unchanged, Text: "# Source: shop/templates/deployment.yaml" });
    }

    [Fact]
    public async Task CommitAsync_Commit_GivesItsMessageAndUnifiedDiffAgainstItsParent()
    {
        using var git = GitTestContext.Create();
        var deploy = git.Remote.Commit("deploy(shop): v3", new Dictionary<string, string> { ["chart/values.yaml"] = Values("v3") });
        var manifests = new RenderedManifests(git.Mirrors, git.Reader, new BuiltinChartRenderer());

        var view = await manifests.CommitAsync(Shop, deploy[..7], Ct);

        Assert.Equal(deploy, view.Commit.Sha);
        Assert.Equal("deploy(shop): v3", view.Commit.Subject);
        Assert.Contains("-  tag: v1\n", view.Diff, StringComparison.Ordinal);
        Assert.Contains("+  tag: v3\n", view.Diff, StringComparison.Ordinal);
        Assert.DoesNotContain("README.md", view.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiffAsync_ChartThatNoLongerRenders_ReportsWhyInsteadOfThrowing()
    {
        using var git = GitTestContext.Create();
        var broken = git.Remote.Commit("break the chart", new Dictionary<string, string>
        {
            ["chart/templates/deployment.yaml"] = "kind: Deployment\nimage: {{ .Values.image.tag | nosuchfunction }}\n",
        });
        var manifests = new RenderedManifests(git.Mirrors, git.Reader, new BuiltinChartRenderer());

        var diff = await manifests.DiffAsync(Shop, broken, Ct);

        Assert.Empty(diff.Lines);
        Assert.Contains("nosuchfunction", diff.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiffAsync_UnknownCommit_ReportsTheMissingRevision()
    {
        using var git = GitTestContext.Create();
        var manifests = new RenderedManifests(git.Mirrors, git.Reader, new BuiltinChartRenderer());

        var diff = await manifests.DiffAsync(Shop, "0123456789abcdef0123456789abcdef01234567", Ct);

        Assert.Empty(diff.Lines);
        Assert.Contains("0123456789abcdef", diff.Error, StringComparison.Ordinal);
    }
}
