using GitOpsConsole.Core.Domain;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Runs;

/// <summary>One colour, icon and label per run and step status, so the list, the run page and the overview agree.</summary>
public static class RunStatusStyle
{
    public static Color ColorOf(RunStatus status) => status switch
    {
        RunStatus.Succeeded => Color.Success,
        RunStatus.RolledBack => Color.Warning,
        RunStatus.Failed => Color.Error,
        RunStatus.Escalated => Color.Error,
        RunStatus.Running => Color.Info,
        RunStatus.WaitingForInput => Color.Secondary,
        _ => Color.Default,
    };

    public static string IconOf(RunStatus status) => status switch
    {
        RunStatus.Succeeded => Icons.Material.Filled.CheckCircle,
        RunStatus.RolledBack => Icons.Material.Filled.Undo,
        RunStatus.Failed => Icons.Material.Filled.Error,
        RunStatus.Escalated => Icons.Material.Filled.ReportProblem,
        RunStatus.WaitingForInput => Icons.Material.Filled.QuestionAnswer,
        RunStatus.Cancelled => Icons.Material.Filled.Block,
        _ => Icons.Material.Filled.Schedule,
    };

    public static string LabelOf(RunStatus status) => status switch
    {
        RunStatus.RolledBack => "Rolled back",
        RunStatus.WaitingForInput => "Waiting for input",
        _ => status.ToString(),
    };

    public static bool IsActive(RunStatus status) => status is RunStatus.Queued or RunStatus.Running or RunStatus.WaitingForInput;

    public static Color ColorOf(StepStatus status) => status switch
    {
        StepStatus.Succeeded => Color.Success,
        StepStatus.Failed => Color.Error,
        StepStatus.Running => Color.Info,
        _ => Color.Default,
    };

    public static string IconOf(StepStatus status) => status switch
    {
        StepStatus.Succeeded => Icons.Material.Filled.Check,
        StepStatus.Failed => Icons.Material.Filled.Close,
        StepStatus.Cancelled => Icons.Material.Filled.Block,
        StepStatus.Skipped => Icons.Material.Filled.SkipNext,
        _ => Icons.Material.Filled.Schedule,
    };
}
