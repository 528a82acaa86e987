using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.GitHub;
using GitOpsConsole.Integrations.Resilience;
using GitOpsConsole.Integrations.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Integrations.Tests.GitHub;

public sealed class GitHubAppTokenSourceTests : IAsyncLifetime
{
    private readonly InstantTimeProvider _time = new();
    private FakeGitHub _github = null!;

    public async ValueTask InitializeAsync() => _github = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _github.DisposeAsync();

    [Fact]
    public async Task SetStatusAsync_AsGitHubApp_UsesOneInstallationTokenForBothRequests()
    {
        var options = GitHubTestApp.Options(_github);
        var secrets = new SecretSet();
        using var http = GitHubClientFactory.CreateHttpClient(options, secrets, _time, NullLogger.Instance);
        using var tokens = new GitHubAppTokenSource(FakeGitHub.AppId, FakeGitHub.InstallationId, _github.AppKey.ExportRSAPrivateKeyPem(), http, _time, secrets);
        var tool = new GitHubCommitStatusTool(GitHubClientFactory.Create(options, tokens, _time, NullLogger.Instance), (_, _) => null);
        var sha = new string('a', 40);

        await tool.SetStatusAsync(GitHubTestApp.Storefront(), sha, new CommitStatusReport(CommitState.Pending, "gitops-console/storefront", "Deploying", _time.GetUtcNow()), TestContext.Current.CancellationToken);
        await tool.SetStatusAsync(GitHubTestApp.Storefront(), sha, new CommitStatusReport(CommitState.Success, "gitops-console/storefront", "Healthy", _time.GetUtcNow()), TestContext.Current.CancellationToken);

        Assert.Single(_github.Service.Matching("POST", $"/app/installations/{FakeGitHub.InstallationId}/access_tokens"));
        Assert.All(_github.Service.Matching("POST", $"/repos/acme/storefront/statuses/{sha}"), r => Assert.Equal($"Bearer {FakeGitHub.InstallationToken}", r.Header("Authorization")));
        Assert.Contains(FakeGitHub.InstallationToken, secrets);
    }

    [Fact]
    public async Task GetTokenAsync_WrongInstallation_SaysNotFoundWithoutTheJwt()
    {
        var options = GitHubTestApp.Options(_github);
        var secrets = new SecretSet();
        using var http = GitHubClientFactory.CreateHttpClient(options, secrets, _time, NullLogger.Instance);
        using var tokens = new GitHubAppTokenSource(FakeGitHub.AppId, 1, _github.AppKey.ExportRSAPrivateKeyPem(), http, _time, secrets);

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() => tokens.GetTokenAsync(TestContext.Current.CancellationToken));

        Assert.Contains("GitHub answered 404 for POST /app/installations/1/access_tokens", ex.Message, StringComparison.Ordinal);
        Assert.All(secrets, s => Assert.DoesNotContain(s, ex.Message, StringComparison.Ordinal));
    }
}
