using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Runs;

/// <summary>How a run ended, with the one sentence a person reads first.</summary>
public sealed record RunOutcome(RunStatus Status, string Reason)
{
    public static RunOutcome Succeeded(string reason) => new(RunStatus.Succeeded, reason);

    public static RunOutcome Failed(string reason) => new(RunStatus.Failed, reason);
}

/// <summary>A step that could not do its job; the run ends Failed with this message.</summary>
public sealed class StepFailedException(string tool, string message, Exception? inner = null)
    : Exception($"{tool}: {message}", inner)
{
    public string Tool { get; } = tool;
}
