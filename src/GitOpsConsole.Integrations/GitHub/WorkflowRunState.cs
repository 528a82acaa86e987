using System.Text.RegularExpressions;
using GitOpsConsole.Core.Toolbox;
using Octokit;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>GitHub's run status and conclusion in the CI tool's vocabulary.</summary>
internal static partial class WorkflowRunState
{
    public static CiBuildState Of(WorkflowRun run) => run.Status.StringValue switch
    {
        "completed" => run.Conclusion?.StringValue switch
        {
            "success" or "neutral" or "skipped" => CiBuildState.Succeeded,
            "cancelled" => CiBuildState.Cancelled,
            "timed_out" => CiBuildState.TimedOut,
            _ => CiBuildState.Failed,
        },
        "queued" or "requested" or "waiting" or "pending" => CiBuildState.Queued,
        _ => CiBuildState.Running,
    };

    public static bool EndedBadly(WorkflowRun run) => Of(run) is CiBuildState.Failed or CiBuildState.Cancelled or CiBuildState.TimedOut;

    /// <summary>The full commit SHA the run-name carries, if any.</summary>
    public static string? CommitIn(string displayTitle) => Sha().Match(displayTitle ?? "") is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"\b[0-9a-f]{40}\b")]
    private static partial Regex Sha();
}
