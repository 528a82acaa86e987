using GitOpsConsole.Integrations.GitHub;

namespace GitOpsConsole.Integrations.Tests.GitHub;

public sealed class GitHubRepositoryTests
{
    [Theory]
    [InlineData("https://github.com/acme/storefront.git")]
    [InlineData("https://github.com/acme/storefront")]
    [InlineData("https://ghe.example.com/acme/storefront.git")]
    [InlineData("git@github.com:acme/storefront.git")]
    [InlineData("https://x-access-token:ghp_secret@github.com/acme/storefront.git")]
    public void Parse_CloneUrls_GiveOwnerAndName(string url) =>
        Assert.Equal(new GitHubRepository("acme", "storefront"), GitHubRepository.Parse(url));

    [Fact]
    public void Parse_SandboxRepository_SaysWhatAGitHubUrlLooksLike()
    {
        var ex = Assert.Throws<ArgumentException>(() => GitHubRepository.Parse("sandbox:storefront"));

        Assert.Contains("https://github.com/<owner>/<name>.git", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UrlWithToken_KeepsTheTokenOutOfTheError()
    {
        var ex = Assert.Throws<ArgumentException>(() => GitHubRepository.Parse("https://user:ghp_secret@github.com/"));

        Assert.DoesNotContain("ghp_secret", ex.Message, StringComparison.Ordinal);
    }
}
