using System.Net;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.GitHub;
using GitOpsConsole.Integrations.Resilience;
using GitOpsConsole.Integrations.Tests.Fakes;

namespace GitOpsConsole.Integrations.Tests.GitHub;

public sealed class GitHubCommitStatusToolTests : IAsyncLifetime
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private const string StatusPath = "/repos/acme/storefront/statuses/" + Sha;
    private readonly InstantTimeProvider _time = new();
    private FakeGitHub _github = null!;

    public async ValueTask InitializeAsync() => _github = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _github.DisposeAsync();

    private GitHubCommitStatusTool Tool(string token = FakeGitHub.Token) =>
        new(GitHubTestApp.Client(_github, _time, token), (app, commit) => new Uri($"https://console.example.test/runs/{app.Name}-{commit[..7]}"));

    private static CommitStatusReport Report(CommitState state) =>
        new(state, "gitops-console/storefront", "Deploying storefront", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task SetStatusAsync_PendingThenSuccess_PostsBothWithRunLinkAndReadsTheNewest()
    {
        var tool = Tool();
        await tool.SetStatusAsync(GitHubTestApp.Storefront(), Sha, Report(CommitState.Pending), TestContext.Current.CancellationToken);
        await tool.SetStatusAsync(GitHubTestApp.Storefront(), Sha, Report(CommitState.Success), TestContext.Current.CancellationToken);

        var posts = _github.Service.Matching("POST", StatusPath);
        Assert.Equal(2, posts.Count);
        var first = JsonNode.Parse(posts[0].Body)!;
        Assert.Equal("pending", (string?)first["state"]);
        Assert.Equal("https://console.example.test/runs/storefront-0123456", (string?)first["target_url"]);
        Assert.Equal($"Bearer {FakeGitHub.Token}", posts[0].Header("Authorization"));

        var statuses = await tool.GetStatusesAsync(GitHubTestApp.Storefront(), Sha, TestContext.Current.CancellationToken);
        var only = Assert.Single(statuses);
        Assert.Equal(CommitState.Success, only.State);
        Assert.Equal("gitops-console/storefront", only.Context);
    }

    [Fact]
    public async Task SetStatusAsync_LongDescription_IsCutToGitHubsLimit()
    {
        var report = Report(CommitState.Failure) with { Description = new string('x', 300) };
        await Tool().SetStatusAsync(GitHubTestApp.Storefront(), Sha, report, TestContext.Current.CancellationToken);

        var sent = JsonNode.Parse(Assert.Single(_github.Service.Matching("POST", StatusPath)).Body)!;
        Assert.Equal(140, ((string?)sent["description"])!.Length);
        Assert.Equal("failure", (string?)sent["state"]);
    }

    [Fact]
    public async Task SetStatusAsync_BadToken_NamesTheFixWithoutTheToken()
    {
        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() =>
            Tool("ghp_wrongToken").SetStatusAsync(GitHubTestApp.Storefront(), Sha, Report(CommitState.Pending), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("GitHub answered 401 for POST " + StatusPath, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Bad credentials", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_wrongToken", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetStatusAsync_Forbidden_SaysWhichScopeTheTokenNeeds()
    {
        _github.Service.FailNext("POST", StatusPath, 403, """{"message":"Resource not accessible by personal access token","documentation_url":"https://docs.github.com/rest/commits/statuses#create-a-commit-status","status":"403"}""");

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() =>
            Tool().SetStatusAsync(GitHubTestApp.Storefront(), Sha, Report(CommitState.Pending), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Contains("the token needs repo:status scope", ex.Message, StringComparison.Ordinal);
        Assert.Single(_github.Service.Matching("POST", StatusPath));
    }

    [Fact]
    public async Task SetStatusAsync_UnknownCommit_ExplainsTheValidationFailure()
    {
        _github.Service.FailNext("POST", StatusPath, 422, """{"message":"Validation Failed","errors":[{"resource":"Status","code":"custom","field":"sha","message":"No commit found for SHA: 0123456789abcdef0123456789abcdef01234567"}],"documentation_url":"https://docs.github.com/rest/commits/statuses#create-a-commit-status","status":"422"}""");

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() =>
            Tool().SetStatusAsync(GitHubTestApp.Storefront(), Sha, Report(CommitState.Pending), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Contains("No commit found for SHA", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the commit must exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetStatusAsync_UnknownRepository_Says404AndWhatToCheck()
    {
        _github.Service.FailNext("POST", StatusPath, 404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest/commits/statuses#create-a-commit-status","status":"404"}""");

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() =>
            Tool().SetStatusAsync(GitHubTestApp.Storefront(), Sha, Report(CommitState.Pending), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Contains("check the application's repository URL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetStatusAsync_SecondaryRateLimitWithRetryAfter_WaitsAsToldAndSucceeds()
    {
        _github.Service.FailNext("POST", StatusPath, 403, """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits","status":"403"}""", ("Retry-After", "7"));

        await Tool().SetStatusAsync(GitHubTestApp.Storefront(), Sha, Report(CommitState.Pending), TestContext.Current.CancellationToken);

        Assert.Equal(2, _github.Service.Matching("POST", StatusPath).Count);
        Assert.Contains(TimeSpan.FromSeconds(7), _time.Delays);
        Assert.Single(_github.Statuses[Sha]);
    }

    [Fact]
    public async Task SetStatusAsync_TooManyRequestsWithRetryAfter_HonoursTheHeader()
    {
        _github.Service.FailNext("POST", StatusPath, 429, """{"message":"API rate limit exceeded","status":"429"}""", ("Retry-After", "3"));

        await Tool().SetStatusAsync(GitHubTestApp.Storefront(), Sha, Report(CommitState.Pending), TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(_time.Delays));
        Assert.Single(_github.Statuses[Sha]);
    }

    [Fact]
    public async Task GetStatusesAsync_ServerErrorsThenSuccess_RetriesWithBackOff()
    {
        var path = $"/repos/acme/storefront/commits/{Sha}/statuses";
        _github.Service.FailNext("GET", path, 502, """{"message":"Server Error"}""");
        _github.Service.FailNext("GET", path, 503, """{"message":"Service Unavailable"}""");

        var statuses = await Tool().GetStatusesAsync(GitHubTestApp.Storefront(), Sha, TestContext.Current.CancellationToken);

        Assert.Empty(statuses);
        Assert.Equal(3, _github.Service.Matching("GET", path).Count);
        Assert.Equal(2, _time.Delays.Count);
        Assert.All(_time.Delays, d => Assert.True(d > TimeSpan.Zero));
    }

    [Fact]
    public async Task GetStatusesAsync_ServerErrorEveryTime_GivesUpAfterTheRetriesWithTheStatus()
    {
        var path = $"/repos/acme/storefront/commits/{Sha}/statuses";
        for (var i = 0; i < 4; i++)
        {
            _github.Service.FailNext("GET", path, 500, """{"message":"Server Error"}""");
        }

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() =>
            Tool().GetStatusesAsync(GitHubTestApp.Storefront(), Sha, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(4, _github.Service.Matching("GET", path).Count);
    }
}
