using System.Net;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Core.Scenarios.Comparison;
using GitOpsConsole.Web.Tests.Host;
using GitOpsConsole.Web.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Scenarios;

/// <summary>Every built-in scenario played headless with the offline planner: each engine ends where its file says.</summary>
public class ScenarioLabTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlayAll_BuiltInScenarios_EachEngineEndsWhereTheFileExpects()
    {
        await using var factory = WithSandbox();
        factory.CreateClient().Dispose();
        var catalog = factory.Services.GetRequiredService<ScenarioCatalog>();
        Assert.Empty(catalog.Errors);
        Assert.True(catalog.Scenarios.Count >= 8, $"{catalog.Scenarios.Count} scenarios loaded from {catalog.Directory}");

        var played = await factory.Services.GetRequiredService<ScenarioLab>().PlayAllAsync(catalog.Scenarios, Ct);

        var reader = factory.Services.GetRequiredService<ComparisonReader>();
        var report = await reader.ReportAsync(played, DateTimeOffset.UtcNow, Ct);
        Assert.All(played, p => Assert.True(p.Status == ScenarioRunStatus.Finished, $"{p.Scenario}: {p.Error}"));
        var misses = report.Scenarios.SelectMany(s => new[] { s.Workflow, s.Agent }
            .Where(m => m.EndStateCorrect != true).Select(m => $"{s.Scenario}/{m.Engine}: {string.Join("; ", m.EndStateMisses)} ({m.Reason})")).ToList();
        Assert.True(misses.Count == 0, string.Join("\n", misses));
        Assert.Equal(catalog.Scenarios.Count, report.Scenarios.Count);
    }

    [Fact]
    public async Task ReportPage_AfterPlayingScenarios_ShowsWhatTheMarkdownAndJsonExportsSay()
    {
        await using var factory = WithSandbox();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var catalog = factory.Services.GetRequiredService<ScenarioCatalog>();
        var played = await factory.Services.GetRequiredService<ScenarioLab>().PlayAllAsync([catalog.Find("happy-path")!, catalog.Find("flaky-ci")!], Ct);
        var batch = played[0].BatchId!.Value;
        (await SignInForm.PostAsync(client, "admin", factory.AdminPassword)).Dispose();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/compare/report/{batch}", Ct));
        var json = ScenarioReport.FromJson(await client.GetStringAsync($"/api/scenarios/reports/{batch}?format=json", Ct));
        var markdown = await client.GetStringAsync($"/api/scenarios/reports/{batch}?format=markdown", Ct);

        Assert.Equal(["flaky-ci", "happy-path"], json.Scenarios.Select(s => s.Scenario));
        foreach (var scenario in json.Scenarios)
        {
            Assert.Contains(scenario.Verdict, page, StringComparison.Ordinal);
            Assert.Contains(scenario.Verdict, markdown, StringComparison.Ordinal);
            foreach (var (name, workflow, agent) in MetricRows.Of(scenario.Workflow, scenario.Agent))
            {
                Assert.Contains($"| {name} | {workflow} | {agent} |", markdown, StringComparison.Ordinal);
                Assert.Contains($"<td>{name}</td><td>{workflow}</td><td>{agent}</td>", page, StringComparison.Ordinal);
            }

            foreach (var criterion in scenario.Criteria)
            {
                Assert.Contains($"<td>{criterion.Name}</td><td>{criterion.Workflow}</td><td>{criterion.Agent}</td>", page, StringComparison.Ordinal);
            }
        }
    }
}
