using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Tests.Git;

public sealed class RepositoryLocationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Resolve_SandboxName_MapsToHostsBareRepository()
    {
        var resolver = RepositoryUrlResolver.ForDataDirectory("/srv/data", sandboxEnabled: true);

        Assert.Equal("/srv/data/sandbox/git/storefront.git", resolver.Resolve("sandbox:storefront"));
    }

    [Theory]
    [InlineData("https://github.com/acme/shop.git")]
    [InlineData("/srv/repos/shop.git")]
    [InlineData("file:///srv/repos/shop.git")]
    public void Resolve_AnythingElse_IsUnchanged(string configured)
    {
        Assert.Equal(configured, RepositoryUrlResolver.ForDataDirectory("/srv/data", sandboxEnabled: true).Resolve(configured));
    }

    [Theory]
    [InlineData("sandbox:")]
    [InlineData("sandbox:../etc")]
    [InlineData("sandbox:a/b")]
    [InlineData("sandbox:..")]
    public void Resolve_SandboxNameThatIsNotOneSegment_Throws(string configured)
    {
        var resolver = RepositoryUrlResolver.ForDataDirectory("/srv/data", sandboxEnabled: true);

        var error = Assert.Throws<GitOperationException>(() => resolver.Resolve(configured));

        Assert.Contains("sandbox:<name>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SandboxOff_ThrowsSayingSo()
    {
        var error = Assert.Throws<GitOperationException>(() => new RepositoryUrlResolver(null).Resolve("sandbox:storefront"));

        Assert.Contains("sandbox is not enabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_SandboxRepository_ReadsFromTheHostsFolder()
    {
        using var git = GitTestContext.Create(repositoryFor: _ => "sandbox:storefront");
        var hosted = Path.Combine(git.Root, "data", "sandbox", "git", "storefront.git");
        RemoteRepository.Create(hosted, git.Root, new Dictionary<string, string> { ["chart/values.yaml"] = "image:\n  tag: sandbox\n" });

        var content = await git.Reader.ReadFileAsync(GitTestContext.App, "main", "chart/values.yaml", Ct);

        Assert.Equal("image:\n  tag: sandbox\n"u8.ToArray(), content);
        Assert.Equal(hosted, GitCli.Run(git.MirrorPath, "remote", "get-url", "origin").Trim());
    }

    [Fact]
    public async Task FetchAsync_RepositoryPathDoesNotExist_ThrowsNamingAppAndPathAndLeavesNoMirror()
    {
        using var git = GitTestContext.Create(repositoryFor: bare => bare + "-missing");

        var error = await Assert.ThrowsAsync<GitOperationException>(() => git.Mirrors.FetchAsync(GitTestContext.App, Ct));

        Assert.Contains("Could not clone the repository of application 'shop'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"there is no repository at {git.Remote.BarePath}-missing", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(git.MirrorPath));
        var mirrors = Path.GetDirectoryName(git.MirrorPath)!;
        Assert.True(!Directory.Exists(mirrors) || Directory.GetDirectories(mirrors).Length == 0);
    }

    [Fact]
    public async Task FetchAsync_PathIsNotARepository_ThrowsNamingApp()
    {
        using var git = GitTestContext.Create(repositoryFor: bare => Path.GetDirectoryName(bare)!);

        var error = await Assert.ThrowsAsync<GitOperationException>(() => git.Mirrors.FetchAsync(GitTestContext.App, Ct));

        Assert.Contains("Could not clone the repository of application 'shop'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(git.MirrorPath)!));
    }

    [Fact]
    public async Task FetchAsync_UnknownApplication_Throws()
    {
        using var git = GitTestContext.Create();

        var error = await Assert.ThrowsAsync<GitOperationException>(() => git.Mirrors.FetchAsync("billing", Ct));

        Assert.Contains("No repository is configured for application 'billing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ConfiguredRepositoryChanged_FollowsTheNewOne()
    {
        using var git = GitTestContext.Create();
        await git.Mirrors.FetchAsync(GitTestContext.App, Ct);
        var other = RemoteRepository.Create(Path.Combine(git.Root, "remote", "moved.git"), git.Root, new Dictionary<string, string> { ["a.txt"] = "moved\n" });
        using var moved = new GitMirrorCache(
            new GitMirrorOptions
            {
                MirrorDirectory = Path.GetDirectoryName(git.MirrorPath)!,
                Repositories = new Dictionary<string, string> { [GitTestContext.App] = other.BarePath },
            },
            new RepositoryUrlResolver(null),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<GitMirrorCache>.Instance);

        var sha = await new GitReader(moved).ResolveAsync(GitTestContext.App, "main", Ct);

        Assert.Equal(other.Tip(), sha);
    }
}
