using System.Net;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.GitHub;
using GitOpsConsole.Integrations.Resilience;
using GitOpsConsole.Integrations.Tests.Fakes;

namespace GitOpsConsole.Integrations.Tests.GitHub;

public sealed class GitHubActionsCiTests : IAsyncLifetime
{
    private const string Commit = "c0ffee0123456789abcdef0123456789abcdef01";
    private readonly InstantTimeProvider _time = new();
    private FakeGitHub _github = null!;

    public async ValueTask InitializeAsync() => _github = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _github.DisposeAsync();

    private GitHubActionsCi Ci() => new(GitHubTestApp.Client(_github, _time), new GitHubActionsOptions(), _time);

    private void DispatchStartsRun(long id, string status = "queued") =>
        _github.OnDispatch = input => FakeGitHub.NewRun(id, $"build {input["inputs"]!["commit"]} {input["inputs"]!["gitops_request"]}", status, null, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

    [Fact]
    public async Task TriggerBuildAsync_Dispatch_SendsInputsOnTheBranchAndFindsTheRunItStarted()
    {
        DispatchStartsRun(501);

        var build = await Ci().TriggerBuildAsync(GitHubTestApp.Storefront(), Commit, TestContext.Current.CancellationToken);

        Assert.Equal("501", build.Id);
        Assert.Equal(Commit, build.Commit);
        Assert.Equal(CiBuildState.Queued, build.State);
        var dispatch = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(_github.Service.Matching("POST", "/repos/acme/storefront/actions/workflows/build.yml/dispatches")).Body)!;
        Assert.Equal("main", (string?)dispatch["ref"]);
        Assert.Equal(Commit, (string?)dispatch["inputs"]!["commit"]);
    }

    [Fact]
    public async Task TriggerBuildAsync_CommitAlreadyBuilding_ReturnsThatRunWithoutDispatching()
    {
        _github.Runs.Add(FakeGitHub.NewRun(400, $"build {Commit} r1", "in_progress", null, Commit));

        var build = await Ci().TriggerBuildAsync(GitHubTestApp.Storefront(), Commit, TestContext.Current.CancellationToken);

        Assert.Equal("400", build.Id);
        Assert.Equal(CiBuildState.Running, build.State);
        Assert.Empty(_github.Service.Matching("POST", "/repos/acme/storefront/actions/workflows/build.yml/dispatches"));
    }

    [Fact]
    public async Task WaitForBuildAsync_RunCompletes_FollowsItByPollingAndReadsTheImageArtifact()
    {
        DispatchStartsRun(502);
        var ci = Ci();
        var build = await ci.TriggerBuildAsync(GitHubTestApp.Storefront(), Commit, TestContext.Current.CancellationToken);
        _github.Jobs.Add(new() { ["id"] = 9, ["run_id"] = 502, ["name"] = "build", ["status"] = "completed", ["conclusion"] = "success", ["html_url"] = "https://github.com/acme/storefront/actions/runs/502/job/9" });
        _github.ImageJson = """{"image":"ghcr.io/acme/storefront:1.4.2","digest":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}""";
        _github.Service.FailNext("GET", "/repos/acme/storefront/actions/runs/502", 502, """{"message":"Server Error"}""");
        _ = Task.Run(async () =>
        {
            while (_github.Service.Matching("GET", "/repos/acme/storefront/actions/runs/502").Count < 3)
            {
                await Task.Delay(10);
            }

            lock (_github.Runs)
            {
                _github.Runs[0]["status"] = "completed";
                _github.Runs[0]["conclusion"] = "success";
            }
        }, TestContext.Current.CancellationToken);

        var done = await ci.WaitForBuildAsync(GitHubTestApp.Storefront(), build.Id, TimeSpan.FromHours(1), TestContext.Current.CancellationToken);
        var polls = _github.Service.Matching("GET", "/repos/acme/storefront/actions/runs/502").Count;

        Assert.Equal(CiBuildState.Succeeded, done.State);
        Assert.Equal("ghcr.io/acme/storefront:1.4.2", done.Image);
        Assert.StartsWith("sha256:9f86", done.Digest, StringComparison.Ordinal);
        Assert.Contains("https://github.com/acme/storefront/actions/runs/502", done.LogTail[0], StringComparison.Ordinal);
        Assert.Contains(done.LogTail, l => l.Contains("job/9", StringComparison.Ordinal));
        Assert.True(polls >= 3);
        Assert.Contains(TimeSpan.FromSeconds(10), _time.Delays);
        Assert.Null(_github.Service.Matching("GET", "/storage/artifact-11.zip").Single().Header("Authorization"));
    }

    [Fact]
    public async Task GetBuildAsync_FailedRun_SaysWhereToLook()
    {
        _github.Runs.Add(FakeGitHub.NewRun(403, $"build {Commit} r1", "completed", "failure", Commit));

        var build = await Ci().GetBuildAsync(GitHubTestApp.Storefront(), "403", TestContext.Current.CancellationToken);

        Assert.Equal(CiBuildState.Failed, build.State);
        Assert.Equal(Commit, build.Commit);
        Assert.Contains("https://github.com/acme/storefront/actions/runs/403", build.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBuildAsync_SucceededWithoutImageArtifact_SaysTheImageIsUnknown()
    {
        _github.Runs.Add(FakeGitHub.NewRun(404, $"build {Commit} r1", "completed", "success", Commit));

        var build = await Ci().GetBuildAsync(GitHubTestApp.Storefront(), "404", TestContext.Current.CancellationToken);

        Assert.Null(build.Image);
        Assert.Contains("gitops-image", build.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriggerBuildAsync_WorkflowNeverNamesTheRequest_ExplainsTheRunNameConvention()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Ci().TriggerBuildAsync(GitHubTestApp.Storefront(), Commit, TestContext.Current.CancellationToken));

        Assert.Contains("run-name: build ${{ inputs.commit }} ${{ inputs.gitops_request }}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriggerBuildAsync_WorkflowWithoutDispatchTrigger_SaysToAddIt()
    {
        _github.Service.FailNext("POST", "/repos/acme/storefront/actions/workflows/build.yml/dispatches", 422,
            """{"message":"Workflow does not have 'workflow_dispatch' trigger","documentation_url":"https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event","status":"422"}""");

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() =>
            Ci().TriggerBuildAsync(GitHubTestApp.Storefront(), Commit, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Contains("must have a workflow_dispatch trigger", ex.Message, StringComparison.Ordinal);
    }
}
