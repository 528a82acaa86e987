using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Runs;

/// <summary>
/// Where an engine writes what a run does, as it happens, before anyone is told: steps with their inputs and
/// outputs, and the run's own facts (image, commits, time to healthy). What is written survives a restart.
/// </summary>
public interface IRunJournal
{
    /// <summary>The run's steps so far, in order: what a resumed run replays instead of doing again.</summary>
    Task<IReadOnlyList<Step>> StepsAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>Records step <paramref name="sequence"/> as running (replacing an interrupted attempt at the same sequence).</summary>
    Task<Step> StartStepAsync(Guid runId, int sequence, string tool, string? inputJson, string summary, CancellationToken cancellationToken = default);

    /// <summary>Stores the step's end: status, output, summary and log.</summary>
    Task FinishStepAsync(Step step, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="change"/> to the stored run and saves it.</summary>
    Task UpdateRunAsync(Guid runId, Action<Run> change, CancellationToken cancellationToken = default);
}
