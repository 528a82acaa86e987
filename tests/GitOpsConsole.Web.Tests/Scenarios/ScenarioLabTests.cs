using GitOpsConsole.Core.Scenarios;
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
}
