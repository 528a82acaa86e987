using System.Net;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.GitHub;
using GitOpsConsole.Integrations.Resilience;
using GitOpsConsole.Integrations.Tests.Fakes;

namespace GitOpsConsole.Integrations.Tests.GitHub;

public sealed class GitHubPullRequestsTests : IAsyncLifetime
{
    private const string Head = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private readonly InstantTimeProvider _time = new();
    private FakeGitHub _github = null!;

    public async ValueTask InitializeAsync() => _github = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _github.DisposeAsync();

    private GitHubPullRequests PullRequests() => new(GitHubTestApp.Client(_github, _time), new GitHubPullRequestOptions { MergeMethod = "squash" });

    private static PullRequestProposal Proposal() => new(
        "gitops/storefront/run-42", "Deploy storefront 1.4.2", "Image `ghcr.io/acme/storefront` 1.4.1 → 1.4.2 in chart/values.yaml",
        new Uri("https://console.example.test/runs/42"));

    [Fact]
    public async Task OpenAsync_NewBranch_CreatesPullRequestWhoseBodySaysWhatChangesAndLinksTheRun()
    {
        var opened = await PullRequests().OpenAsync(GitHubTestApp.Storefront(), Proposal());

        Assert.True(opened.Created);
        Assert.Equal(1, opened.Number);
        var sent = JsonNode.Parse(Assert.Single(_github.Service.Matching("POST", "/repos/acme/storefront/pulls")).Body)!;
        Assert.Equal("gitops/storefront/run-42", (string?)sent["head"]);
        Assert.Equal("main", (string?)sent["base"]);
        Assert.Contains("1.4.1 → 1.4.2", (string?)sent["body"], StringComparison.Ordinal);
        Assert.Contains("https://console.example.test/runs/42", (string?)sent["body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_Retried_ReturnsTheOpenPullRequestInsteadOfASecond()
    {
        await PullRequests().OpenAsync(GitHubTestApp.Storefront(), Proposal());
        var again = await PullRequests().OpenAsync(GitHubTestApp.Storefront(), Proposal());

        Assert.False(again.Created);
        Assert.Single(_github.Pulls);
        Assert.Contains(_github.Service.Requests, r => r.Path.Contains("head=acme%3Agitops%2Fstorefront%2Frun-42", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task MergeIfChecksPassedAsync_ChecksRunning_DoesNotMerge()
    {
        await PullRequests().OpenAsync(GitHubTestApp.Storefront(), Proposal());
        _github.CheckRuns.Add(new JsonObject { ["id"] = 4, ["head_sha"] = Head, ["name"] = "build", ["status"] = "in_progress", ["conclusion"] = null });

        var attempt = await PullRequests().MergeIfChecksPassedAsync(GitHubTestApp.Storefront(), 1);

        Assert.Equal(MergeOutcome.ChecksPending, attempt.Outcome);
        Assert.Contains("build", attempt.Detail, StringComparison.Ordinal);
        Assert.Empty(_github.Service.Matching("PUT", "/repos/acme/storefront/pulls/1/merge"));
    }

    [Fact]
    public async Task MergeIfChecksPassedAsync_AStatusFailed_DoesNotMergeAndNamesIt()
    {
        await PullRequests().OpenAsync(GitHubTestApp.Storefront(), Proposal());
        _github.Statuses[Head] = [new JsonObject { ["state"] = "failure", ["context"] = "gitops-console/storefront", ["created_at"] = "2026-11-26T08:00:00Z" }];

        var attempt = await PullRequests().MergeIfChecksPassedAsync(GitHubTestApp.Storefront(), 1);

        Assert.Equal(MergeOutcome.ChecksFailed, attempt.Outcome);
        Assert.Contains("gitops-console/storefront", attempt.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeIfChecksPassedAsync_ChecksPassed_MergesTheCheckedHeadWithTheConfiguredMethod()
    {
        await PullRequests().OpenAsync(GitHubTestApp.Storefront(), Proposal());
        _github.CheckRuns.Add(new JsonObject { ["id"] = 4, ["head_sha"] = Head, ["name"] = "build", ["status"] = "completed", ["conclusion"] = "success" });
        _github.Statuses[Head] = [new JsonObject { ["state"] = "success", ["context"] = "ci/tests", ["created_at"] = "2026-11-26T08:00:00Z" }];

        var attempt = await PullRequests().MergeIfChecksPassedAsync(GitHubTestApp.Storefront(), 1);

        Assert.Equal(MergeOutcome.Merged, attempt.Outcome);
        var merge = JsonNode.Parse(Assert.Single(_github.Service.Matching("PUT", "/repos/acme/storefront/pulls/1/merge")).Body)!;
        Assert.Equal(Head, (string?)merge["sha"]);
        Assert.Equal("squash", (string?)merge["merge_method"]);
        Assert.Equal(MergeOutcome.AlreadyMerged, (await PullRequests().MergeIfChecksPassedAsync(GitHubTestApp.Storefront(), 1)).Outcome);
    }

    [Fact]
    public async Task MergeIfChecksPassedAsync_HeadMovedMeanwhile_ReportsTheConflict()
    {
        await PullRequests().OpenAsync(GitHubTestApp.Storefront(), Proposal());
        _github.Service.FailNext("PUT", "/repos/acme/storefront/pulls/1/merge", 409, """{"message":"Head branch was modified. Review and try the merge again.","documentation_url":"https://docs.github.com/rest/pulls/pulls#merge-a-pull-request","status":"409"}""");

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() => PullRequests().MergeIfChecksPassedAsync(GitHubTestApp.Storefront(), 1));

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Contains("Head branch was modified", ex.Message, StringComparison.Ordinal);
        Assert.Contains("retry", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeIfChecksPassedAsync_UnknownPullRequest_Says404()
    {
        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() => PullRequests().MergeIfChecksPassedAsync(GitHubTestApp.Storefront(), 9));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Contains("GET /repos/acme/storefront/pulls/9", ex.Message, StringComparison.Ordinal);
    }
}
