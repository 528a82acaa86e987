using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Integrations.GitHub;
using GitOpsConsole.Integrations.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Octokit;
using Application = GitOpsConsole.Core.Domain.Application;

namespace GitOpsConsole.Integrations.Tests.GitHub;

internal static class GitHubTestApp
{
    public static Application Storefront() => new()
    {
        Name = "storefront",
        Environment = "dev",
        RepositoryUrl = "https://github.com/acme/storefront.git",
        Namespace = "storefront",
        Branch = "main",
    };

    public static GitHubOptions Options(FakeGitHub github) => new() { ApiUrl = github.ApiUrl, MaxRetries = 3 };

    public static IGitHubClient Client(FakeGitHub github, InstantTimeProvider time, string token = FakeGitHub.Token) =>
        GitHubClientFactory.Create(Options(github), token, time, NullLogger.Instance);
}
