namespace GitOpsConsole.Core.Scenarios.Comparison;

/// <summary>
/// Two runs side by side: the metrics of each, the criteria filled from what they did, and a one-line verdict.
/// The same object renders the page, the Markdown and the JSON report, so they cannot disagree.
/// </summary>
public sealed record ScenarioComparison(
    string Scenario,
    string Title,
    EngineMetrics Workflow,
    EngineMetrics Agent,
    IReadOnlyList<Criterion> Criteria,
    string Verdict,
    IReadOnlyList<StepSpan> WorkflowSteps,
    IReadOnlyList<StepSpan> AgentSteps)
{
    /// <summary>Both engines ended where the scenario says (null: two past runs without expectations).</summary>
    public bool? AsExpected => Workflow.EndStateCorrect is null || Agent.EndStateCorrect is null ? null : Workflow.EndStateCorrect.Value && Agent.EndStateCorrect.Value;

    public static ScenarioComparison Build(string scenario, string title, EngineRecord workflow, EngineRecord agent, ScenarioDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(agent);
        var wf = EngineMetrics.From(workflow, definition?.Workflow);
        var ag = EngineMetrics.From(agent, definition?.Agent);
        // One time axis for both columns: offsets from the earlier of the two starts.
        var origin = new[] { workflow.Run.StartedAt ?? workflow.Run.CreatedAt, agent.Run.StartedAt ?? agent.Run.CreatedAt }.Min();
        return new ScenarioComparison(scenario, title, wf, ag, CriteriaWriter.Write(workflow, agent, wf, ag), VerdictWriter.Write(wf, ag),
            StepSpan.Of(workflow.Run, origin), StepSpan.Of(agent.Run, origin));
    }
}
