using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Tests.Git;

public sealed class GitAdapterConfigurationTests
{
    private static GitOpsOptions Options(bool sandbox, params (string Name, string Repository)[] apps) => new()
    {
        Sandbox = new SandboxOptions { Enabled = sandbox },
        Applications = [.. apps.Select(a => new ApplicationOptions { Name = a.Name, Repository = a.Repository })],
    };

    [Fact]
    public void MirrorOptions_Applications_MapEachToItsRepositoryWithMirrorsUnderData()
    {
        var options = GitAdapterConfiguration.MirrorOptions(
            Options(true, ("storefront", "sandbox:storefront"), ("billing", "https://git.example.test/billing.git")), "/srv/data");

        Assert.Equal("/srv/data/repos", options.MirrorDirectory);
        Assert.Equal("sandbox:storefront", options.Repositories["storefront"]);
        Assert.Equal("https://git.example.test/billing.git", options.Repositories["billing"]);
    }

    [Fact]
    public void MirrorOptions_SameApplicationTwice_Throws()
    {
        var error = Assert.Throws<GitOperationException>(() =>
            GitAdapterConfiguration.MirrorOptions(Options(true, ("shop", "sandbox:a"), ("shop", "sandbox:b")), "/srv/data"));

        Assert.Contains("'shop' is configured twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UrlResolver_SandboxOnOrOff_FollowsConfiguration()
    {
        Assert.Equal(
            "/srv/data/sandbox/git/catalog.git",
            GitAdapterConfiguration.UrlResolver(Options(true), "/srv/data").Resolve("sandbox:catalog"));
        Assert.Throws<GitOperationException>(() => GitAdapterConfiguration.UrlResolver(Options(false), "/srv/data").Resolve("sandbox:catalog"));
    }
}
