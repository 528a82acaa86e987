using GitOpsConsole.Core.Domain;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent.Offline;

/// <summary>The planner's next message: its reasoning, and either one tool call or the closing report.</summary>
internal sealed record PlannerMove(string Thought, string? Function, KernelArguments? Arguments, FinalReport? Report)
{
    public static PlannerMove Call(string thought, string function, KernelArguments arguments) => new(thought, function, arguments, null);

    public static PlannerMove End(string thought, RunStatus outcome, string summary, IReadOnlyList<AgentDecision> decisions, params string[] risks) =>
        new(thought, null, null, new FinalReport(outcome, summary, decisions, risks));
}
