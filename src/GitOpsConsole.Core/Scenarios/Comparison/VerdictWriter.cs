using System.Globalization;

namespace GitOpsConsole.Core.Scenarios.Comparison;

/// <summary>The comparison in one line, from the metrics: who reached the expected end state, then who was faster and leaner.</summary>
public static class VerdictWriter
{
    public static string Write(EngineMetrics workflow, EngineMetrics agent)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(agent);
        var pace = Pace(workflow, agent);
        return (workflow.EndStateCorrect, agent.EndStateCorrect) switch
        {
            (true, false) => $"Workflow wins: it ended {workflow.Outcome} as expected; the agent ended {agent.Outcome} ({string.Join("; ", agent.EndStateMisses)}).",
            (false, true) => $"Agent wins: it ended {agent.Outcome} as expected; the workflow ended {workflow.Outcome} ({string.Join("; ", workflow.EndStateMisses)}).",
            (false, false) => $"Neither engine ended where the scenario expects: workflow {workflow.Outcome}, agent {agent.Outcome}.",
            (true, true) when OutcomeRank.Of(workflow.Outcome) != OutcomeRank.Of(agent.Outcome) => Better(workflow, agent, pace),
            (true, true) => $"Both ended as expected (workflow {workflow.Outcome}, agent {agent.Outcome}); {pace}.",
            _ => $"Workflow {workflow.Outcome}, agent {agent.Outcome}; {pace}.",
        };
    }

    /// <summary>Both as the file expects, but one engine got further: that one wins, whatever the clock says.</summary>
    private static string Better(EngineMetrics workflow, EngineMetrics agent, string pace)
    {
        var (better, worse) = OutcomeRank.Of(workflow.Outcome) > OutcomeRank.Of(agent.Outcome) ? (workflow, agent) : (agent, workflow);
        return $"{better.Engine} wins: it ended {better.Outcome} where the {worse.Engine.ToString().ToLowerInvariant()} ended {worse.Outcome}, both as the scenario expects; {pace}.";
    }

    private static string Pace(EngineMetrics workflow, EngineMetrics agent)
    {
        if (workflow.WallTimeSeconds is not { } w || agent.WallTimeSeconds is not { } a)
        {
            return "one run has not ended";
        }

        var (fast, slow, fs, ss) = w <= a ? ("workflow", "agent", w, a) : ("agent", "workflow", a, w);
        // An engine that stopped early (Failed where the other rolled back) was not faster at anything; it just ended sooner.
        var pace = OutcomeRank.Of(workflow.Outcome) == OutcomeRank.Of(agent.Outcome) ? "was {0:0.00} s faster than" : "ended {0:0.00} s sooner than";
        var calls = workflow.ToolCalls == agent.ToolCalls ? "the same number of tool calls" : $"{workflow.ToolCalls} vs {agent.ToolCalls} tool calls (workflow vs agent)";
        return $"the {fast} {string.Format(CultureInfo.InvariantCulture, pace, ss - fs)} the {slow}, {calls}";
    }
}
