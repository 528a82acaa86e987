using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Workflow.Bench;

/// <summary>
/// The agent loop's own cost in one run: its wall time minus the time inside tools (each step's start to finish)
/// and inside the model (the durations the trace records for each model reply), per tool call. What remains is
/// validation, policy, journaling of steps and trace entries, and the conversation bookkeeping.
/// </summary>
internal sealed record LoopOverhead(double WallMs, double ToolsMs, double ModelMs, int Steps)
{
    public double PerStepMs => Steps == 0 ? 0 : (WallMs - ToolsMs - ModelMs) / Steps;

    public static LoopOverhead Of(Run run, IReadOnlyList<TraceEntry> trace)
    {
        var wall = (run.FinishedAt!.Value - run.StartedAt!.Value).TotalMilliseconds;
        var tools = run.Steps.Where(s => s.StartedAt is not null && s.FinishedAt is not null).Sum(s => (s.FinishedAt!.Value - s.StartedAt!.Value).TotalMilliseconds);
        var model = trace.Where(t => t.Kind is TraceKind.Thought or TraceKind.ToolCall).Sum(t => t.DurationMs ?? 0);
        return new LoopOverhead(wall, tools, model, run.Steps.Count);
    }
}
