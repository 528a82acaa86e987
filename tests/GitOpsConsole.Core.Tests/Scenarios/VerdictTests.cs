using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios.Comparison;

namespace GitOpsConsole.Core.Tests.Scenarios;

public class VerdictTests
{
    [Fact]
    public void Write_BothAsExpectedButAgentDeployed_AgentWinsAndTheWorkflowOnlyEndedSooner()
    {
        var verdict = VerdictWriter.Write(Metrics(DeploymentEngine.Workflow, RunStatus.Failed, 2.0, 2), Metrics(DeploymentEngine.Agent, RunStatus.Succeeded, 5.5, 7));

        Assert.StartsWith("Agent wins: it ended Succeeded where the workflow ended Failed", verdict, StringComparison.Ordinal);
        Assert.Contains("the workflow ended 3.50 s sooner than the agent", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SameOutcome_NamesTheFasterEngine()
    {
        var verdict = VerdictWriter.Write(Metrics(DeploymentEngine.Workflow, RunStatus.Succeeded, 1.25, 5), Metrics(DeploymentEngine.Agent, RunStatus.Succeeded, 1.5, 5));

        Assert.Equal("Both ended as expected (workflow Succeeded, agent Succeeded); the workflow was 0.25 s faster than the agent, the same number of tool calls.", verdict);
    }

    [Fact]
    public void Report_MarkdownAndJson_CarryTheSameVerdictAndRows()
    {
        var comparison = new ScenarioComparison("s", "S", Metrics(DeploymentEngine.Workflow, RunStatus.RolledBack, 3, 8), Metrics(DeploymentEngine.Agent, RunStatus.RolledBack, 4, 8),
            [new Criterion("Recovery", "reverted", "reverted | too")], "Both ended as expected.", [], []);
        var report = new ScenarioReport(DateTimeOffset.UnixEpoch, [comparison]);

        var back = ScenarioReport.FromJson(report.ToJson());
        var markdown = report.ToMarkdown();

        Assert.Equal(comparison.Verdict, back.Scenarios.Single().Verdict);
        Assert.Contains("| Recovery | reverted | reverted \\| too |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Wall time | 3.00 s | 4.00 s |", markdown, StringComparison.Ordinal);
    }

    private static EngineMetrics Metrics(DeploymentEngine engine, RunStatus outcome, double wall, int calls) =>
        new(engine, Guid.NewGuid(), outcome, "", true, [], null, wall, calls, calls, 0, 0, 0, 0, engine.ToString(), 0);
}
