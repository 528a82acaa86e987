using Bunit;
using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Web.Components.Agent;
using GitOpsConsole.Web.Tests.Components;
using GitOpsConsole.Web.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Agent;

public class AgentTraceTests : ComponentTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private Run _run = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton<TraceFeed>();
        Services.AddSingleton<TraceStore>();
        Services.AddSingleton<IAgentJournal>(p => p.GetRequiredService<TraceStore>());
        await new ApplicationCatalog(Store, TimeProvider.System).SyncAsync([new ApplicationOptions { Name = "storefront", Environment = "dev", Repository = "sandbox:storefront" }], Ct);
        _run = await RunSeed.QueueAsync(Services, "storefront", "1a2b3c4d5e6f");
    }

    [Fact]
    public async Task Render_StoredTrace_ShowsEntriesInOrderWithToolArgumentsAndCollapsedResults()
    {
        await AppendAsync(TraceKind.Observation, "Deploy event for application storefront");
        await AppendAsync(TraceKind.Thought, "A push: build it first.");
        await AppendAsync(TraceKind.ToolCall, "ci_trigger_build", "ci_trigger_build", """{"commit":"1a2b3c4d5e6f"}""");
        await AppendAsync(TraceKind.ToolResult, """{"id":"b1","state":"Succeeded","logTail":["step 1/1"]}""", "ci_trigger_build");

        var cut = Render<AgentTrace>(p => p.Add(c => c.RunId, _run.Id));

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=trace-entry]").Count));
        Assert.Equal(["Observation", "Thought", "ToolCall", "ToolResult"], cut.FindAll("[data-testid=trace-entry]").Select(e => e.GetAttribute("data-kind")));
        Assert.Contains("\"commit\": \"1a2b3c4d5e6f\"", cut.Find("[data-testid=trace-arguments]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=trace-result]"));

        cut.Find("[data-testid=trace-result-toggle]").Click();

        Assert.Contains("step 1/1", cut.Find("[data-testid=trace-result]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_FilterByKind_ShowsOnlyThatKindUntilAll()
    {
        await AppendAsync(TraceKind.Thought, "Thinking.");
        await AppendAsync(TraceKind.ToolCall, "operator_status", "operator_status", "{}");
        var cut = Render<AgentTrace>(p => p.Add(c => c.RunId, _run.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=trace-entry]").Count));

        cut.Find("[data-testid=trace-filter-kind][data-kind=Thought]").Click();

        Assert.Equal(["Thought"], cut.FindAll("[data-testid=trace-entry]").Select(e => e.GetAttribute("data-kind")));
        cut.Find("[data-testid=trace-filter-all]").Click();
        Assert.Equal(2, cut.FindAll("[data-testid=trace-entry]").Count);
    }

    [Fact]
    public async Task Render_EntryStoredWhileOpen_AppearsLiveWithTheDecisionRecord()
    {
        var cut = Render<AgentTrace>(p => p.Add(c => c.RunId, _run.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-trace]")));
        var record = new DecisionRecord("Deploy commit 1a2b3c4 to storefront (dev) and leave it Healthy", "RolledBack", "Reverted",
            [new AgentDecision("Roll back", "storefront was Degraded: CrashLoopBackOff")], [new AgentChange("revert", "f1f2f3f4f5f6", "Revert deploy")], ["The new version still has to be fixed."], "Offline", "offline-planner");

        await AppendAsync(TraceKind.Decision, record.ToJson());

        cut.WaitForAssertion(() => Assert.Equal("RolledBack", cut.Find("[data-testid=decision-outcome]").TextContent));
        Assert.Contains("CrashLoopBackOff", cut.Find("[data-testid=decision]").TextContent, StringComparison.Ordinal);
        Assert.Contains("f1f2f3f", cut.Find("[data-testid=decision-change]").TextContent, StringComparison.Ordinal);
    }

    private Task<TraceEntry> AppendAsync(TraceKind kind, string content, string? tool = null, string? arguments = null) =>
        Services.GetRequiredService<TraceStore>().AppendAsync(new TraceEntry { RunId = _run.Id, Kind = kind, Content = content, ToolName = tool, ArgumentsJson = arguments, CallId = tool is null ? null : "c1" }, Ct);
}
