using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Core.Domain;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary><c>operator_history</c>: what the operator deployed before, to pick a known-good revision to go back to.</summary>
internal static class OperatorHistoryFunctions
{
    // A model needs the recent past, not the whole record; both operators keep about ten anyway.
    private const int Shown = 10;

    public static IEnumerable<KernelFunction> Create(IOperatorTool op, AgentRunContext context)
    {
        var app = context.Application;
        yield return AgentToolbox.Function("operator_history",
            "Lists the application's past syncs, newest first: the revision applied, when, who asked (a user, automated, self-heal or a run) and whether it succeeded.",
            mutates: false,
            async (CancellationToken ct) =>
            {
                var entries = (await op.HistoryAsync(app, ct)).Take(Shown).ToList();
                var lastGood = entries.FirstOrDefault(e => e.Result == Operator.SyncPhase.Succeeded && e.Revision is not null);
                return new ToolOutput(entries, entries.Count == 0 ? $"{app.Name} has no recorded syncs"
                    : $"{entries.Count} past syncs; the newest successful one applied {(lastGood is null ? "nothing" : CommitSha.Abbreviate(lastGood.Revision!))}");
            });
    }
}
