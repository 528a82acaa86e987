using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Integrations.Tests.GitHub;
using GitOpsConsole.Web.Sandbox;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Connections;

/// <summary>
/// The console with storefront configured for GitHub (Actions as its CI, statuses on GitHub) against a loopback
/// GitHub API; the repository stays the sandbox's bare repository and the cluster the sandbox's. The workflow the
/// fake "runs" builds the commit on the sandbox CI, as a real workflow would build and push the image.
/// </summary>
public sealed class GitHubRunTests : IAsyncLifetime
{
    private const string ConsoleUrl = "https://gitops.example.test";
    private FakeGitHub _github = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _github = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _github.DisposeAsync();

    [Fact]
    public async Task ManualEvent_GitHubActionsApp_DispatchesBuildsDeploysAndReportsPendingThenSuccess()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();
        var runtime = factory.Services.GetRequiredService<SandboxRuntime>();
        _github.OnDispatch = input =>
        {
            var commit = (string)input["inputs"]!["commit"]!;
            var run = FakeGitHub.NewRun(9001, $"build {commit} {input["inputs"]!["gitops_request"]}", "queued", null, commit);
            _ = CompleteWithSandboxBuildAsync(runtime, run, commit);
            return run;
        };
        var head = Head(factory, "storefront");

        var run = await RunOfEventAsync(factory, client, new { app = "storefront", kind = "manual", commit = head });

        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);
        Assert.Equal(["ci.trigger_build", "ci.get_build", "values.set_image_tag", "operator.sync", "cluster.health"], run.Steps.Select(s => s.Tool));
        Assert.Contains("https://github.com/acme/storefront/actions/runs/9001", run.Steps[1].Log, StringComparison.Ordinal);
        var dispatch = JsonNode.Parse(Assert.Single(_github.Service.Matching("POST", "/repos/acme/storefront/actions/workflows/build.yml/dispatches")).Body)!;
        Assert.Equal(("main", head, "dev"), ((string?)dispatch["ref"], (string?)dispatch["inputs"]!["commit"], (string?)dispatch["inputs"]!["environment"]));
        var statuses = await EventuallyAsync(() => Task.FromResult(_github.Statuses.TryGetValue(head, out var l) && l.Count == 2 ? l : null), TimeSpan.FromSeconds(90), "two statuses on the commit");
        Assert.Equal(["success", "pending"], statuses.Select(s => (string?)s["state"]));
        Assert.All(statuses, s => Assert.Equal(($"{ConsoleUrl}/runs/{run.Id}", "gitops-console/deploy/storefront"), ((string?)s["target_url"], (string?)s["context"])));
        Assert.All(_github.Service.Requests, r => Assert.Equal($"Bearer {FakeGitHub.Token}", r.Header("Authorization") ?? $"Bearer {FakeGitHub.Token}"));
    }

    [Fact]
    public async Task ManualEvent_ActionsRunFails_RunFailsWithTheJobLogLinkAndStatusFailure()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();
        _github.OnDispatch = input =>
        {
            var commit = (string)input["inputs"]!["commit"]!;
            _github.Jobs.Add(new JsonObject
            {
                ["id"] = 5001, ["run_id"] = 9002, ["name"] = "build", ["status"] = "completed", ["conclusion"] = "failure",
                ["html_url"] = "https://github.com/acme/storefront/actions/runs/9002/job/5001", ["head_sha"] = commit,
                ["started_at"] = "2026-11-26T08:00:02Z", ["completed_at"] = "2026-11-26T08:01:02Z",
            });
            return FakeGitHub.NewRun(9002, $"build {commit} {input["inputs"]!["gitops_request"]}", "completed", "failure", commit);
        };
        var head = Head(factory, "storefront");

        var run = await RunOfEventAsync(factory, client, new { app = "storefront", kind = "manual", commit = head });

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("see https://github.com/acme/storefront/actions/runs/9002", run.Reason, StringComparison.Ordinal);
        Assert.Contains("build: failure https://github.com/acme/storefront/actions/runs/9002/job/5001", run.Steps[^1].Log, StringComparison.Ordinal);
        // The run fails at once, so the reporter may first read it ended: pending is then skipped, failure is posted once.
        var statuses = await EventuallyAsync(() => Task.FromResult(_github.Statuses.TryGetValue(head, out var l) && l.Any(s => (string?)s["state"] == "failure") ? l : null),
            TimeSpan.FromSeconds(90), "a failure status on the commit");
        Assert.Equal("failure", (string?)statuses[0]["state"]);
        Assert.Single(statuses, s => (string?)s["state"] == "failure");
        Assert.All(statuses.Skip(1), s => Assert.Equal("pending", (string?)s["state"]));
    }

    private ConsoleFactory Console(params (string Key, string Value)[] extra) => WithSandbox(
    [
        ("GitOps:Auth:Mode", "LocalTrust"),
        ("GitOps:Applications:0:Ci:Provider", "GitHubActions"),
        ("GitOps:Applications:0:Ci:Inputs:environment", "dev"),
        ("GitOps:Applications:0:GitHubRepository", "acme/storefront"),
        ("GitOps:Applications:0:CommitStatus", "GitHub"),
        ("GitOps:GitHub:ApiUrl", _github.ApiUrl),
        ("GitOps:GitHub:Token", FakeGitHub.Token),
        ("GitOps:GitHub:ConsoleUrl", ConsoleUrl),
        ("GitOps:GitHub:Actions:PollInterval", "00:00:00.200"),
        .. extra,
    ]);

    /// <summary>The workflow's job: build the commit (here on the sandbox CI), upload image.json, complete the run.</summary>
    private async Task CompleteWithSandboxBuildAsync(SandboxRuntime runtime, JsonObject run, string commit)
    {
        var ci = runtime.World!.Ci;
        var build = await ci.WaitAsync(ci.Trigger("storefront", commit).Id, CancellationToken.None);
        _github.ImageJson = JsonSerializer.Serialize(new { image = build.Image, digest = build.ImageDigest });
        _github.Jobs.Add(new JsonObject
        {
            ["id"] = 5000, ["run_id"] = 9001, ["name"] = "build", ["status"] = "completed", ["conclusion"] = "success",
            ["html_url"] = "https://github.com/acme/storefront/actions/runs/9001/job/5000", ["head_sha"] = commit,
            ["started_at"] = "2026-11-26T08:00:02Z", ["completed_at"] = "2026-11-26T08:01:02Z",
        });
        lock (_github.Runs)
        {
            run["status"] = "completed";
            run["conclusion"] = "success";
        }
    }

    internal static string Head(ConsoleFactory factory, string app)
    {
        using var repository = new LibGit2Sharp.Repository(Path.Combine(factory.DataDirectory, "sandbox", "git", $"{app}.git"));
        return repository.Branches["main"].Tip.Sha;
    }

    /// <summary>Posts the event and waits for the run it started to end.</summary>
    internal static async Task<Run> RunOfEventAsync(ConsoleFactory factory, HttpClient client, object trigger)
    {
        using var response = await client.PostAsJsonAsync("/api/events", trigger, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.TryGetProperty("runId", out var id) && id.ValueKind == JsonValueKind.String, $"no run: {body}");
        var runs = factory.Services.GetRequiredService<RunQuery>();
        var summary = await EventuallyAsync(async () => await runs.GetAsync(id.GetGuid(), Ct) is { Run.FinishedAt: not null } r ? r : null, TimeSpan.FromSeconds(120), "the run");
        return summary.Run;
    }
}
