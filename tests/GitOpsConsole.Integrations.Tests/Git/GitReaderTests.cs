using System.Text;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Tests.Git;

public sealed class GitReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_FirstUse_ClonesBareMirrorUnderRepos()
    {
        using var git = GitTestContext.Create();

        await git.Mirrors.FetchAsync(GitTestContext.App, Ct);

        Assert.Equal(Path.Combine(git.Root, "data", "repos", "shop.git"), git.MirrorPath);
        Assert.Equal("true", GitCli.Run(git.MirrorPath, "rev-parse", "--is-bare-repository").Trim());
        Assert.Equal(git.Remote.Tip(), GitCli.Run(git.MirrorPath, "rev-parse", "refs/remotes/origin/main").Trim());
    }

    [Fact]
    public async Task FetchAsync_AfterAnotherPush_MirrorSeesNewTip()
    {
        using var git = GitTestContext.Create();
        await git.Mirrors.FetchAsync(GitTestContext.App, Ct);
        var pushed = git.Remote.Commit("Bump", new Dictionary<string, string> { ["README.md"] = "# shop v2\n" });

        await git.Mirrors.FetchAsync(GitTestContext.App, Ct);

        Assert.Equal(pushed, await git.Reader.ResolveAsync(GitTestContext.App, "main", Ct));
    }

    [Fact]
    public async Task ResolveAsync_BranchFullAndShortSha_ReturnTheFullSha()
    {
        using var git = GitTestContext.Create();
        var tip = git.Remote.Tip();

        Assert.Equal(tip, await git.Reader.ResolveAsync(GitTestContext.App, "main", Ct));
        Assert.Equal(tip, await git.Reader.ResolveAsync(GitTestContext.App, tip, Ct));
        Assert.Equal(tip, await git.Reader.ResolveAsync(GitTestContext.App, tip[..7], Ct));
    }

    [Fact]
    public async Task ResolveAsync_TagPushedAfterClone_FetchesAndResolves()
    {
        using var git = GitTestContext.Create();
        await git.Mirrors.FetchAsync(GitTestContext.App, Ct);
        var commit = git.Remote.Commit("Release", new Dictionary<string, string> { ["README.md"] = "# shop 1.0\n" });
        git.Remote.Git("tag", "-a", "v1.0", "-m", "v1.0", commit);

        Assert.Equal(commit, await git.Reader.ResolveAsync(GitTestContext.App, "v1.0", Ct));
    }

    [Fact]
    public async Task ResolveAsync_UnknownRevision_ThrowsNamingRevisionAndApplication()
    {
        using var git = GitTestContext.Create();

        var error = await Assert.ThrowsAsync<GitOperationException>(() => git.Reader.ResolveAsync(GitTestContext.App, "no-such-branch", Ct));

        Assert.Contains("'no-such-branch'", error.Message, StringComparison.Ordinal);
        Assert.Contains("application 'shop'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_OlderRevision_ReturnsThatRevisionsBytes()
    {
        using var git = GitTestContext.Create();
        var first = git.Remote.Tip();
        git.Remote.Commit("Deploy v2", new Dictionary<string, string> { ["chart/values.yaml"] = "image:\n  tag: v2\n" });

        var old = await git.Reader.ReadFileAsync(GitTestContext.App, first[..8], "chart/values.yaml", Ct);
        var current = await git.Reader.ReadFileAsync(GitTestContext.App, "main", "./chart/values.yaml", Ct);

        Assert.Equal(GitTestContext.InitialFiles["chart/values.yaml"], Encoding.UTF8.GetString(old));
        Assert.Equal("image:\n  tag: v2\n", Encoding.UTF8.GetString(current));
    }

    [Fact]
    public async Task ReadFileAsync_MissingFile_ThrowsNamingThePath()
    {
        using var git = GitTestContext.Create();

        var error = await Assert.ThrowsAsync<GitOperationException>(() => git.Reader.ReadFileAsync(GitTestContext.App, "main", "chart/nope.yaml", Ct));

        Assert.Contains("'chart/nope.yaml'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_PathLeavingRepository_Throws()
    {
        using var git = GitTestContext.Create();

        await Assert.ThrowsAsync<GitOperationException>(() => git.Reader.ReadFileAsync(GitTestContext.App, "main", "../secrets", Ct));
    }

    [Fact]
    public async Task ReadFolderAsync_ChartFolder_ReturnsEveryFileRelativeToIt()
    {
        using var git = GitTestContext.Create();

        var files = await git.Reader.ReadFolderAsync(GitTestContext.App, "main", "chart", Ct);

        Assert.Equal(["Chart.yaml", "templates/deployment.yaml", "values.yaml"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(GitTestContext.InitialFiles["chart/templates/deployment.yaml"], Encoding.UTF8.GetString(files["templates/deployment.yaml"]));
    }

    [Fact]
    public async Task ReadFolderAsync_Root_ReturnsWholeTree()
    {
        using var git = GitTestContext.Create();

        var files = await git.Reader.ReadFolderAsync(GitTestContext.App, "main", ".", Ct);

        Assert.Equal(GitTestContext.InitialFiles.Keys.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadFolderAsync_MissingFolder_Throws()
    {
        using var git = GitTestContext.Create();

        var error = await Assert.ThrowsAsync<GitOperationException>(() => git.Reader.ReadFolderAsync(GitTestContext.App, "main", "charts", Ct));

        Assert.Contains("'charts'", error.Message, StringComparison.Ordinal);
    }
}
