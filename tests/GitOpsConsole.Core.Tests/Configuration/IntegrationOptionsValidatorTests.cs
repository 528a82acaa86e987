using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Tests.Configuration;

public class IntegrationOptionsValidatorTests
{
    private static GitOpsOptions WithApp(Action<ApplicationOptions> change)
    {
        var app = new ApplicationOptions { Name = "storefront", Environment = "dev", Repository = "https://github.com/acme/storefront.git" };
        change(app);
        return new GitOpsOptions { Applications = [app] };
    }

    [Fact]
    public void Validate_UnknownCiProvider_NamesTheKeyAndTheChoices()
    {
        var error = Assert.Single(IntegrationOptionsValidator.Validate(WithApp(a => a.Ci.Provider = "Jenkins")));

        Assert.Equal("GitOps:Applications:0:Ci:Provider: 'Jenkins' is not one of Sandbox, GitHubActions.", error);
    }

    [Fact]
    public void Validate_GitHubActionsOnARepositoryElsewhere_AsksForGitHubRepository()
    {
        var error = Assert.Single(IntegrationOptionsValidator.Validate(WithApp(a =>
        {
            a.Repository = "https://gitlab.example.com/acme/storefront.git";
            a.Ci.Provider = CiProviders.GitHubActions;
        })));

        Assert.Contains("set GitHubRepository: owner/name", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadGitHubApiUrl_NamesTheKeyAndWhoNeedsIt()
    {
        var options = WithApp(a => a.Ci.Provider = CiProviders.GitHubActions);
        options.GitHub.ApiUrl = "api.github.com";

        var error = Assert.Single(IntegrationOptionsValidator.Validate(options));

        Assert.StartsWith("GitOps:GitHub:ApiUrl: 'api.github.com' is not an http(s) URL", error, StringComparison.Ordinal);
        Assert.Contains("used by storefront", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ArgoCdOperatorWithoutServer_AsksForServerUrl()
    {
        var error = Assert.Single(IntegrationOptionsValidator.Validate(WithApp(a => a.Operator = OperatorKind.ArgoCd)));

        Assert.StartsWith("GitOps:ArgoCd:ServerUrl: '' is not an http(s) URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GitHubAppWithoutInstallation_SaysBothAreNeeded()
    {
        var options = WithApp(a => a.CommitStatus = CommitStatusProviders.GitHub);
        options.GitHub.App.AppId = 12345;

        var error = Assert.Single(IntegrationOptionsValidator.Validate(options));

        Assert.StartsWith("GitOps:GitHub:App: a GitHub App needs both AppId and InstallationId", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://github.com/acme/storefront.git", "https://api.github.com/", "acme/storefront")]
    [InlineData("git@github.com:acme/storefront.git", "https://api.github.com/", "acme/storefront")]
    [InlineData("https://ghe.example.com/acme/storefront", "https://ghe.example.com/api/v3/", "acme/storefront")]
    [InlineData("https://gitlab.example.com/acme/storefront.git", "https://api.github.com/", null)]
    [InlineData("sandbox:storefront", "https://api.github.com/", null)]
    public void GitHubRepositoryOf_RepositoryUrl_IsOwnerAndNameOnlyOnGitHubsHost(string repository, string apiUrl, string? expected) =>
        Assert.Equal(expected, IntegrationChoice.GitHubRepositoryOf(new ApplicationOptions { Repository = repository }, new GitHubOptions { ApiUrl = apiUrl }));

    [Fact]
    public void For_AutoStatuses_SandboxForSandboxGitHubForGitHubNoneElsewhere()
    {
        var github = new GitHubOptions();

        Assert.Equal(CommitStatusProviders.Sandbox, IntegrationChoice.For(new ApplicationOptions { Repository = "sandbox:shop" }, github).CommitStatus);
        Assert.Equal(CommitStatusProviders.GitHub, IntegrationChoice.For(new ApplicationOptions { Repository = "https://github.com/a/b" }, github).CommitStatus);
        Assert.Equal(CommitStatusProviders.None, IntegrationChoice.For(new ApplicationOptions { Repository = "/srv/git/b.git" }, github).CommitStatus);
    }
}
