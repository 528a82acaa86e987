using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Runs;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Runs;

/// <summary><c>POST /api/events</c> answers with the run its event started, which a script can then follow.</summary>
public class ManualEventRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostEvent_ManualWithCommit_AnswersEventIdAndRunIdOfTheRunThatDeploysIt()
    {
        await using var factory = WithSandbox(("GitOps:Auth:Mode", "LocalTrust"));
        using var client = factory.CreateClient();
        using var repository = new LibGit2Sharp.Repository(Path.Combine(factory.DataDirectory, "sandbox", "git", "catalog.git"));
        var head = repository.Branches["main"].Tip.Sha;

        using var response = await client.PostAsJsonAsync("/api/events", new { app = "catalog", kind = "manual", commit = head }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var runId = json.RootElement.GetProperty("runId").GetGuid();
        Assert.Equal(json.RootElement.GetProperty("events")[0].GetProperty("eventId").GetGuid(), json.RootElement.GetProperty("eventId").GetGuid());
        var runs = factory.Services.GetRequiredService<RunQuery>();
        var run = await EventuallyAsync(async () => await runs.GetAsync(runId, Ct) is { Run.FinishedAt: not null } r ? r : null, TimeSpan.FromSeconds(60), "the run");
        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.Equal(head, run.Run.CommitSha);
        Assert.Equal(json.RootElement.GetProperty("eventId").GetGuid(), run.Run.TriggerEventId);
        // One event, one run: the dispatcher's own subscription to the event feed did not queue a second.
        Assert.Equal(1, (await runs.PageAsync(new RunFilter("catalog"), 0, 10, Ct)).Total);
        using var apps = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/apps", UriKind.Relative), Ct));
        var lastRun = apps.RootElement.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "catalog").GetProperty("lastRun");
        Assert.Equal((runId, "Succeeded"), (lastRun.GetProperty("id").GetGuid(), lastRun.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task PostEvent_AgentEngineRequested_RunDetailCarriesTheTraceAndTheDecisionRecord()
    {
        await using var factory = WithSandbox(("GitOps:Auth:Mode", "LocalTrust"));
        using var client = factory.CreateClient();
        using var repository = new LibGit2Sharp.Repository(Path.Combine(factory.DataDirectory, "sandbox", "git", "storefront.git"));

        using var response = await client.PostAsJsonAsync("/api/events",
            new { app = "storefront", kind = "manual", commit = repository.Branches["main"].Tip.Sha, engine = "Agent" }, Ct);

        using var posted = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var runId = posted.RootElement.GetProperty("runId").GetGuid();
        var runs = factory.Services.GetRequiredService<RunQuery>();
        await EventuallyAsync(async () => await runs.GetAsync(runId, Ct) is { Run.FinishedAt: not null } r ? r : null, TimeSpan.FromSeconds(90), "the agent run");
        using var detail = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/runs/{runId}", UriKind.Relative), Ct));
        Assert.Equal(("Agent", "Succeeded"), (detail.RootElement.GetProperty("engine").GetString(), detail.RootElement.GetProperty("status").GetString()));
        var kinds = detail.RootElement.GetProperty("trace").EnumerateArray().Select(t => t.GetProperty("kind").GetString()).ToList();
        Assert.Contains("ToolCall", kinds);
        Assert.Equal("Final", kinds[^1]);
        Assert.Equal(JsonValueKind.Object, detail.RootElement.GetProperty("decision").ValueKind);
    }

    [Fact]
    public async Task PostEvent_SandboxOff_AcceptedWithoutARun()
    {
        await using var factory = new Host.ConsoleFactory(("GitOps:Auth:Mode", "LocalTrust"));
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/events", new { app = "catalog", kind = "image", image = "registry.example/catalog", tag = "1.2.3" }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("runId").ValueKind);
        Assert.Equal("accepted", json.RootElement.GetProperty("events")[0].GetProperty("status").GetString());
    }
}
