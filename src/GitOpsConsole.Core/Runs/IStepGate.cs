namespace GitOpsConsole.Core.Runs;

/// <summary>A mutating step about to run for the first time: its position in the run, tool, input and timeline line.</summary>
public sealed record GatedStep(Guid RunId, int Sequence, string Tool, string? InputJson, string Summary);

/// <summary>Clears a mutating step before it runs (policy: approvals, freeze windows); throws <see cref="RunStoppedException"/> to end the run instead.</summary>
public interface IStepGate
{
    Task ClearAsync(GatedStep step, CancellationToken cancellationToken);
}

/// <summary>The run ends here with <see cref="Outcome"/>, and the step that was about to run does not run.</summary>
public sealed class RunStoppedException(RunOutcome outcome) : Exception(outcome?.Reason)
{
    public RunOutcome Outcome { get; } = outcome!;
}
