using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Data.Tokens;
using GitOpsConsole.Web.Tests.Host;
using GitOpsConsole.Web.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Api;

/// <summary><c>GET /api/runs/{id}/trace</c>: the stored trace as Markdown and JSON downloads, in order and in full.</summary>
public class RunTraceExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(ConsoleFactory Factory, HttpClient Client, Guid RunId)> SeededAsync()
    {
        var factory = new ConsoleFactory();
        factory.CreateClient().Dispose();
        var run = await RunSeed.FinishedAsync(factory.Services, "storefront", "aaaaaaa1111111", RunStatus.RolledBack, "storefront was Degraded; reverted");
        var traces = factory.Services.GetRequiredService<TraceStore>();
        var decision = new DecisionRecord("Deploy aaaaaaa", "RolledBack", "reverted the crashing image",
            [new AgentDecision("Roll back", "cluster.health said Degraded: CrashLoopBackOff")], [new AgentChange("revert", "bbbbbbb2222222", "Revert deploy")], ["the crash is not fixed"], "Offline", "offline-planner");
        foreach (var entry in new TraceEntry[]
        {
            new() { RunId = run.Id, Kind = TraceKind.Thought, Content = "Build first." },
            new() { RunId = run.Id, Kind = TraceKind.ToolCall, Content = "", ToolName = "ci_trigger_build", ArgumentsJson = """{"app":"storefront"}""" },
            new() { RunId = run.Id, Kind = TraceKind.ToolResult, Content = """{"log":"```\nstep 1\n```"}""", ToolName = "ci_trigger_build", DurationMs = 42 },
            new() { RunId = run.Id, Kind = TraceKind.Decision, Content = decision.ToJson() },
        })
        {
            await traces.AppendAsync(entry, Ct);
        }

        var created = await factory.Services.GetRequiredService<ApiTokenStore>().CreateAsync($"export-{Guid.NewGuid():N}", UserRole.Viewer, "admin", null, Ct);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created!.Value.Token);
        return (factory, client, run.Id);
    }

    [Fact]
    public async Task Get_Markdown_IsADownloadWithEveryEntryInOrderAndTheDecisionAsLists()
    {
        var (factory, client, runId) = await SeededAsync();
        await using var _ = factory;
        using var __ = client;

        using var response = await client.GetAsync(new Uri($"/api/runs/{runId}/trace?format=markdown", UriKind.Relative), Ct);
        var markdown = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"storefront-run-{runId.ToString()[..8]}-trace.md", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("- Status: **RolledBack** (storefront was Degraded; reverted)", markdown, StringComparison.Ordinal);
        var headings = markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["## 1. Thought", "## 2. ToolCall `ci_trigger_build`", "## 3. ToolResult `ci_trigger_build`", "## 4. Decision"], headings);
        // The result holds a ``` fence of its own, so the export fences it with four backticks.
        Assert.Contains("````json\n{\n  \"log\": \"```\\nstep 1\\n```\"\n}\n````", markdown, StringComparison.Ordinal);
        Assert.Contains("- Roll back — cluster.health said Degraded: CrashLoopBackOff", markdown, StringComparison.Ordinal);
        Assert.Contains("- revert `bbbbbbb2222222` Revert deploy", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Json_CarriesTheRunAndTheSameEntriesAsTheStore()
    {
        var (factory, client, runId) = await SeededAsync();
        await using var _ = factory;
        using var __ = client;

        using var response = await client.GetAsync(new Uri($"/api/runs/{runId}/trace?format=json", UriKind.Relative), Ct);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var root = document.RootElement;
        Assert.Equal(runId, root.GetProperty("run").GetProperty("runId").GetGuid());
        Assert.Equal("RolledBack", root.GetProperty("run").GetProperty("status").GetString());
        var stored = await factory.Services.GetRequiredService<TraceStore>().EntriesAsync(runId, Ct);
        var exported = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(stored.Select(e => (e.Sequence, e.Kind.ToString(), e.Content)),
            exported.Select(e => (e.GetProperty("sequence").GetInt32(), e.GetProperty("kind").GetString()!, e.GetProperty("content").GetString()!)));
    }

    [Theory]
    [InlineData("?format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.OK)]
    public async Task Get_Format_OnlyMarkdownOrJson(string query, HttpStatusCode expected)
    {
        var (factory, client, runId) = await SeededAsync();
        await using var _ = factory;
        using var __ = client;

        using var response = await client.GetAsync(new Uri($"/api/runs/{runId}/trace{query}", UriKind.Relative), Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownRun_404()
    {
        var (factory, client, _) = await SeededAsync();
        await using var __ = factory;
        using var ___ = client;

        using var response = await client.GetAsync(new Uri($"/api/runs/{Guid.NewGuid()}/trace?format=markdown", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
