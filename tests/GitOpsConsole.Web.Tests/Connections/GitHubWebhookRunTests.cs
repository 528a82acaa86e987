using k8s;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Integrations.Tests.GitHub;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Registry;
using GitOpsConsole.Web.Sandbox;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Connections;

/// <summary>
/// GitHub's webhooks driving runs, signed with the configured secret and shaped as the real deliveries in
/// ../shared/fixtures: a workflow_run that ends the build a run waits on, and releases of the source repository.
/// </summary>
public sealed class GitHubWebhookRunTests : IAsyncLifetime
{
    private FakeGitHub _github = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _github = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _github.DisposeAsync();

    [Theory]
    [InlineData("Workflow")]
    [InlineData("Agent")]
    public async Task ManualEvent_BuildCompletesThroughWorkflowRunWebhook_RunDeploysWithoutWaitingForAPoll(string engine)
    {
        // Polls 10 minutes apart: only the webhook can end the wait within the test's bounds.
        await using var factory = Console(("GitOps:Applications:0:Ci:Provider", "GitHubActions"), ("GitOps:Applications:0:GitHubRepository", "acme/storefront"),
            ("GitOps:GitHub:Actions:PollInterval", "00:10:00"), ("GitOps:GitHub:Actions:MaxPollInterval", "00:10:00"), ("GitOps:Applications:0:Engine", engine));
        using var client = factory.CreateClient();
        var runtime = factory.Services.GetRequiredService<SandboxRuntime>();
        Task<JsonDocument>? delivered = null;
        _github.OnDispatch = input =>
        {
            var commit = (string)input["inputs"]!["commit"]!;
            var run = FakeGitHub.NewRun(9101, $"build {commit} {input["inputs"]!["gitops_request"]}", "queued", null, commit);
            delivered = CompleteAndDeliverAsync(client, runtime, run, commit);
            return run;
        };

        var run = await GitHubRunTests.RunOfEventAsync(factory, client, new { app = "storefront", kind = "manual", commit = GitHubRunTests.Head(factory, "storefront") });

        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);
        using var answer = await delivered!;
        Assert.Equal(("followed", 9101), (answer.RootElement.GetProperty("status").GetString(), answer.RootElement.GetProperty("runId").GetInt32()));
        Assert.Equal(2, _github.Service.Matching("GET", "/repos/acme/storefront/actions/runs/9101").Count);
        // The agent's ci_get_build output is the same build: the links reach the model too.
        var build = JsonSerializer.Deserialize<CiBuild>(run.Steps.Last(s => s.Tool == "ci.get_build").OutputJson!, Core.Runs.StepRecorder.Json)!;
        Assert.Equal("https://github.com/acme/storefront/actions/runs/9101", build.Url);
        Assert.Equal([new CiJob("build", "success", "https://github.com/acme/storefront/actions/runs/9101/job/6101"), new CiJob("push image", "success", "https://github.com/acme/storefront/actions/runs/9101/job/6102")], build.Jobs);
    }

    [Fact]
    public async Task WorkflowRun_OfARunNobodyFollows_AcceptedAndRecordedAsIgnoredWithTheReason()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(WebhookTests.GitHub("workflow_run", "wr-1", WebhookTests.Fixture("workflow_run/completed.payload.json")), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = Assert.Single((await factory.Services.GetRequiredService<EventQuery>().PageAsync(null, null, 0, 10, Ct)).Items);
        Assert.Equal((TriggerKind.CiRun, EventDecision.Ignored), (stored.Kind, stored.Decision));
        Assert.Equal("workflow run 289782451 of octo-org/octo-repo is not a build the console follows; a workflow_run event starts no run", stored.Reason);
    }

    [Fact]
    public async Task WorkflowRun_WithoutItsRunId_400NamingTheField()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();
        var body = JsonNode.Parse(WebhookTests.Fixture("workflow_run/requested.payload.json"))!;
        body["workflow_run"]!.AsObject().Remove("id");

        using var response = await client.SendAsync(WebhookTests.GitHub("workflow_run", "wr-2", body.ToJsonString()), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("a workflow_run needs 'workflow_run.id'", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty((await factory.Services.GetRequiredService<EventQuery>().PageAsync(null, null, 0, 10, Ct)).Items);
    }

    [Theory]
    [InlineData("Workflow")]
    [InlineData("Agent")]
    public async Task ReleasePublished_OfTheAppsGitHubRepository_DeploysTheReleasedTag(string engine)
    {
        await using var factory = Console(("GitOps:Applications:0:GitHubRepository", "Codertocat/Hello-World"), ("GitOps:Applications:0:Engine", engine));
        using var client = factory.CreateClient();
        var runtime = factory.Services.GetRequiredService<SandboxRuntime>();
        await runtime.World!.Registry.PublishAsync(new ImagePublication("storefront", "0.0.1", new ImageBehavior(ImageRuntime.Starts, TimeSpan.Zero)), Ct);

        using var response = await client.SendAsync(WebhookTests.GitHub("release", "rel-1", WebhookTests.Fixture("release/published.payload.json")), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(("storefront", "accepted"), (json.RootElement.GetProperty("events")[0].GetProperty("app").GetString(), json.RootElement.GetProperty("events")[0].GetProperty("status").GetString()));
        var run = await FinishedRunOfAsync(factory, json.RootElement.GetProperty("eventId").GetGuid());
        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);
        Assert.Contains(run.Steps, s => s.Tool == "values.set_image_tag" && s.InputJson!.Contains("0.0.1", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Steps, s => s.Tool.StartsWith("ci.", StringComparison.Ordinal));
        using var kubernetes = (k8s.Kubernetes)Integrations.Kubernetes.KubernetesConnection.FromKubeconfig(runtime.KubeconfigPath);
        var deployment = await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("storefront", "storefront", cancellationToken: Ct);
        Assert.EndsWith("/storefront:0.0.1", deployment.Spec.Template.Spec.Containers[0].Image, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleasePublished_ImageNotPushedYet_WaitsForItAndDeploysTheTagWithoutItsV()
    {
        await using var factory = Console(("GitOps:Applications:0:GitHubRepository", "Codertocat/Hello-World"));
        using var client = factory.CreateClient();
        var runtime = factory.Services.GetRequiredService<SandboxRuntime>();
        var body = JsonNode.Parse(WebhookTests.Fixture("release/published.payload.json"))!;
        body["release"]!["tag_name"] = "v1.5.0";

        using var response = await client.SendAsync(WebhookTests.GitHub("release", "rel-3", body.ToJsonString()), Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var runs = factory.Services.GetRequiredService<RunQuery>();
        var started = await EventuallyAsync(() => runs.RunOfEventAsync(json.RootElement.GetProperty("eventId").GetGuid(), Ct), TimeSpan.FromSeconds(60), "the run of the release");
        await EventuallyAsync(async () => await runs.GetAsync(started.Id, Ct) is { } r && r.Run.Steps.Any(s => s is { Tool: "registry.list_tags", Status: StepStatus.Running }) ? r : null,
            TimeSpan.FromSeconds(60), "the run waiting for the image");
        // The release's own workflow pushes the image with docker/metadata-action's semver tag: no leading v.
        await runtime.World!.Registry.PublishAsync(new ImagePublication("storefront", "1.5.0", new ImageBehavior(ImageRuntime.Starts, TimeSpan.Zero)), Ct);

        var run = await FinishedRunOfAsync(factory, json.RootElement.GetProperty("eventId").GetGuid());

        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);
        Assert.Equal(["registry.list_tags", "values.set_image_tag", "operator.sync", "cluster.health"], run.Steps.Select(s => s.Tool));
        Assert.Contains("The release v1.5.0 is in the registry as ", run.Steps[0].Summary, StringComparison.Ordinal);
        Assert.EndsWith("storefront:1.5.0", run.Steps[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleasePublished_Prerelease_IgnoredWithTheReasonAndNoRun()
    {
        await using var factory = Console(("GitOps:Applications:0:GitHubRepository", "Codertocat/Hello-World"));
        using var client = factory.CreateClient();
        var body = JsonNode.Parse(WebhookTests.Fixture("release/published.payload.json"))!;
        body["release"]!["prerelease"] = true;

        using var response = await client.SendAsync(WebhookTests.GitHub("release", "rel-2", body.ToJsonString()), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = (await factory.Services.GetRequiredService<EventQuery>().PageAsync(null, null, 0, 10, Ct)).Items.Single();
        Assert.Equal((EventDecision.Ignored, "release 0.0.1 is a prerelease; only full releases deploy"), (stored.Decision, stored.Reason));
        Assert.Null(await factory.Services.GetRequiredService<RunQuery>().RunOfEventAsync(stored.Id, Ct));
    }

    private ConsoleFactory Console(params (string Key, string Value)[] extra) => WithSandbox(
    [
        ("GitOps:Auth:Mode", "LocalTrust"),
        ("GitOps:Webhooks:GitHubSecret", WebhookTests.Secret),
        ("GitOps:Applications:0:CommitStatus", "None"),
        ("GitOps:GitHub:ApiUrl", _github.ApiUrl),
        ("GitOps:GitHub:Token", FakeGitHub.Token),
        .. extra,
    ]);

    /// <summary>The workflow's jobs build the commit (on the sandbox CI) and complete the run; GitHub then delivers workflow_run completed.</summary>
    private async Task<JsonDocument> CompleteAndDeliverAsync(HttpClient client, SandboxRuntime runtime, JsonObject run, string commit)
    {
        var ci = runtime.World!.Ci;
        var build = await ci.WaitAsync(ci.Trigger("storefront", commit).Id, CancellationToken.None);
        await EventuallyAsync(() => Task.FromResult(_github.Service.Matching("GET", "/repos/acme/storefront/actions/runs/9101").Count > 0 ? "read" : null), TimeSpan.FromSeconds(60), "the console reading run 9101");
        _github.ImageJson = JsonSerializer.Serialize(new { image = build.Image, digest = build.ImageDigest });
        lock (_github.Jobs)
        {
            _github.Jobs.Add(FakeGitHub.NewJob(6101, 9101, "build", "success"));
            _github.Jobs.Add(FakeGitHub.NewJob(6102, 9101, "push image", "success"));
        }

        lock (_github.Runs)
        {
            run["status"] = "completed";
            run["conclusion"] = "success";
        }

        // The real completed delivery, about this run of this repository.
        var body = JsonNode.Parse(WebhookTests.Fixture("workflow_run/completed.payload.json"))!;
        body["workflow_run"]!["id"] = 9101;
        body["workflow_run"]!["head_sha"] = commit;
        body["repository"]!["full_name"] = "acme/storefront";
        using var response = await client.SendAsync(WebhookTests.GitHub("workflow_run", "wr-9101", body.ToJsonString()), CancellationToken.None);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
    }

    private static async Task<Run> FinishedRunOfAsync(ConsoleFactory factory, Guid eventId)
    {
        var runs = factory.Services.GetRequiredService<RunQuery>();
        var started = await EventuallyAsync(() => runs.RunOfEventAsync(eventId, Ct), TimeSpan.FromSeconds(60), "the run of the release");
        return (await EventuallyAsync(async () => await runs.GetAsync(started.Id, Ct) is { Run.FinishedAt: not null } r ? r : null, TimeSpan.FromSeconds(120), "the release's run")).Run;
    }
}
