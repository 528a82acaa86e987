using System.Globalization;

namespace GitOpsConsole.Core.Scenarios.Comparison;

/// <summary>The metrics table's rows as text, one formatting for the page and the Markdown export.</summary>
public static class MetricRows
{
    public static IReadOnlyList<(string Name, string Workflow, string Agent)> Of(EngineMetrics workflow, EngineMetrics agent)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(agent);
        return
        [
            ("Outcome", workflow.Outcome.ToString(), agent.Outcome.ToString()),
            ("End state correct", Correct(workflow), Correct(agent)),
            ("Time to healthy", Seconds(workflow.TimeToHealthySeconds), Seconds(agent.TimeToHealthySeconds)),
            ("Wall time", Seconds(workflow.WallTimeSeconds), Seconds(agent.WallTimeSeconds)),
            ("Steps", Number(workflow.Steps), Number(agent.Steps)),
            ("Tool calls", Number(workflow.ToolCalls), Number(agent.ToolCalls)),
            ("Commits", Number(workflow.Commits), Number(agent.Commits)),
            ("Rollbacks", Number(workflow.Rollbacks), Number(agent.Rollbacks)),
            ("Questions", Number(workflow.Questions), Number(agent.Questions)),
            ("Time waiting for people", Seconds(workflow.WaitingForPeopleSeconds), Seconds(agent.WaitingForPeopleSeconds)),
            ("LLM provider", workflow.Provider, agent.Provider),
            ("LLM tokens", workflow.Tokens.ToString(CultureInfo.InvariantCulture), agent.Tokens.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    private static string Correct(EngineMetrics m) => m.EndStateCorrect switch
    {
        true => "yes",
        false => $"no: {string.Join("; ", m.EndStateMisses)}",
        null => "— (no expectation)",
    };

    private static string Seconds(double? value) => value is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.00} s") : "—";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
