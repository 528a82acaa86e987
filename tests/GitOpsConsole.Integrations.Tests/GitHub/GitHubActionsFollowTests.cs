using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.GitHub;
using GitOpsConsole.Integrations.Tests.Fakes;

namespace GitOpsConsole.Integrations.Tests.GitHub;

/// <summary>How a GitHub Actions build is followed: workflow_run deliveries wake it, polling backs off, jobs come with their log links.</summary>
public sealed class GitHubActionsFollowTests : IAsyncLifetime
{
    private const string Commit = "c0ffee0123456789abcdef0123456789abcdef01";
    private const string RunPath = "/repos/acme/storefront/actions/runs/601";
    private readonly InstantTimeProvider _time = new();
    private readonly WorkflowRunSignals _signals = new();
    private FakeGitHub _github = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _github = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _github.DisposeAsync();

    private GitHubActionsCi Ci(TimeProvider time, GitHubActionsOptions options) =>
        new(GitHubTestApp.Client(_github, _time), options, time, signals: _signals);

    private static WorkflowRunUpdate Update(long id, string action, string status, string? conclusion) =>
        new(id, "acme/storefront", action, status, conclusion, $"https://github.com/acme/storefront/actions/runs/{id}", Commit, "main", $"build {Commit}");

    [Fact]
    public async Task WaitForBuildAsync_WorkflowRunCompletedDelivered_ReadsTheRunAtOnceInsteadOfAtTheNextPoll()
    {
        _github.Runs.Add(FakeGitHub.NewRun(601, $"build {Commit} r1", "in_progress", null, Commit));
        _github.Jobs.Add(FakeGitHub.NewJob(71, 601, "build", "success"));
        _github.ImageJson = """{"image":"ghcr.io/acme/storefront:1.5.0","digest":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}""";
        var ci = Ci(TimeProvider.System, new GitHubActionsOptions { PollInterval = TimeSpan.FromHours(1), MaxPollInterval = TimeSpan.FromHours(1) });

        var waiting = ci.WaitForBuildAsync(GitHubTestApp.Storefront(), "601", TimeSpan.FromHours(2), Ct);
        while (_github.Service.Matching("GET", RunPath).Count == 0)
        {
            await Task.Delay(20, Ct);
        }

        lock (_github.Runs)
        {
            _github.Runs[0]["status"] = "completed";
            _github.Runs[0]["conclusion"] = "success";
        }

        Assert.True(_signals.Deliver(Update(601, "completed", "completed", "success")));
        var done = await waiting.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal((CiBuildState.Succeeded, "ghcr.io/acme/storefront:1.5.0"), (done.State, done.Image));
        Assert.Equal(2, _github.Service.Matching("GET", RunPath).Count);
        Assert.False(_signals.Deliver(Update(601, "completed", "completed", "success")));
    }

    [Fact]
    public async Task WaitForBuildAsync_RunStaysQueued_PollsWithBackOffUpToTheCap()
    {
        _github.Runs.Add(FakeGitHub.NewRun(602, $"build {Commit} r1", "queued", null, Commit));
        var ci = Ci(_time, new GitHubActionsOptions { PollInterval = TimeSpan.FromSeconds(10), MaxPollInterval = TimeSpan.FromSeconds(40) });

        var build = await ci.WaitForBuildAsync(GitHubTestApp.Storefront(), "602", TimeSpan.FromMinutes(3), Ct);

        Assert.Equal(CiBuildState.Queued, build.State);
        Assert.Equal([10, 20, 40, 40, 40, 30], _time.Delays.Select(d => (int)d.TotalSeconds));
    }

    [Fact]
    public async Task GetBuildAsync_RunWithMoreJobsThanAPage_CarriesEveryJobWithItsLogLink()
    {
        _github.Runs.Add(FakeGitHub.NewRun(603, $"build {Commit} r1", "completed", "failure", Commit));
        for (var i = 1; i <= 130; i++)
        {
            _github.Jobs.Add(FakeGitHub.NewJob(1000 + i, 603, $"shard {i}", i == 77 ? "failure" : "success"));
        }

        var build = await Ci(_time, new GitHubActionsOptions()).GetBuildAsync(GitHubTestApp.Storefront(), "603", Ct);

        Assert.Equal("https://github.com/acme/storefront/actions/runs/603", build.Url);
        Assert.Equal(130, build.Jobs!.Count);
        Assert.Equal(new CiJob("shard 77", "failure", "https://github.com/acme/storefront/actions/runs/603/job/1077"), build.Jobs[76]);
        Assert.Equal(["per_page=100&page=1", "per_page=100&page=2"],
            _github.Service.Matching("GET", RunPath.Replace("601", "603", StringComparison.Ordinal) + "/jobs").Select(r => Query(r.Path)));
    }

    [Fact]
    public async Task Deliver_RunTheConsoleDoesNotFollow_IsNotClaimed()
    {
        _github.Runs.Add(FakeGitHub.NewRun(604, $"build {Commit} r1", "queued", null, Commit));
        await Ci(_time, new GitHubActionsOptions()).GetBuildAsync(GitHubTestApp.Storefront(), "604", Ct);

        Assert.False(_signals.Deliver(Update(999, "requested", "queued", null)));
        Assert.True(_signals.Deliver(Update(604, "in_progress", "in_progress", null)));
    }

    private static string Query(string path)
    {
        var query = System.Web.HttpUtility.ParseQueryString(path.Split('?', 2) is [_, var q] ? q : "");
        return $"per_page={query["per_page"]}&page={query["page"] ?? "1"}";
    }
}
