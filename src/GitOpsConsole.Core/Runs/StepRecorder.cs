using System.Text.Json;
using System.Text.Json.Serialization;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Runs;

/// <summary>What a step produced: its output (stored as JSON), the line shown in the timeline, its log and status.</summary>
public sealed record StepResult<T>(T Output, string Summary, StepStatus Status = StepStatus.Succeeded, string? Log = null);

/// <summary>
/// Runs a run's steps in order and journals each one before and after it runs. On a resumed run a step that
/// already succeeded at the same position is not run again: its recorded output is returned. Tools are
/// idempotent per run and step, so a step that was interrupted mid-way simply runs again.
/// </summary>
public sealed class StepRecorder(IRunJournal journal, Guid runId, IReadOnlyList<Step> previous, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private int _sequence;

    /// <summary>Clears each mutating step (<see cref="MutateAsync"/>) before it first runs; none = every step runs.</summary>
    public IStepGate? Gate { get; init; }

    /// <summary>
    /// <see cref="RunAsync"/> for a step that changes something: the gate clears it first, unless a resumed run
    /// already made it (its recorded output is returned, as for any step).
    /// </summary>
    public async Task<T> MutateAsync<T>(string tool, object? input, string startSummary, Func<CancellationToken, Task<StepResult<T>>> action, CancellationToken cancellationToken)
    {
        var sequence = _sequence + 1;
        if (Gate is not null && Done(sequence, tool) is null)
        {
            await Gate.ClearAsync(new GatedStep(runId, sequence, tool, input is null ? null : JsonSerializer.Serialize(input, Json), startSummary), cancellationToken);
        }

        return await RunAsync(tool, input, startSummary, action, cancellationToken);
    }

    public async Task<T> RunAsync<T>(string tool, object? input, string startSummary, Func<CancellationToken, Task<StepResult<T>>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var sequence = ++_sequence;
        var done = Done(sequence, tool);
        if (done is not null)
        {
            return JsonSerializer.Deserialize<T>(done.OutputJson!, Json)!;
        }

        var inputJson = input is null ? null : JsonSerializer.Serialize(input, Json);
        var step = await journal.StartStepAsync(runId, sequence, tool, inputJson, startSummary, cancellationToken);
        try
        {
            var result = await action(cancellationToken);
            step.Status = result.Status;
            step.OutputJson = JsonSerializer.Serialize(result.Output, Json);
            step.Summary = result.Summary;
            step.Log = result.Log;
            step.FinishedAt = time.GetUtcNow();
            await journal.FinishStepAsync(step, CancellationToken.None);
            return result.Output;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            step.Status = StepStatus.Cancelled;
            step.FinishedAt = time.GetUtcNow();
            await journal.FinishStepAsync(step, CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            step.Status = StepStatus.Failed;
            step.Summary = $"{tool} failed: {ex.Message}";
            step.Log = ex.Message;
            step.FinishedAt = time.GetUtcNow();
            await journal.FinishStepAsync(step, CancellationToken.None);
            throw new StepFailedException(tool, ex.Message, ex);
        }
    }

    private Step? Done(int sequence, string tool) =>
        previous.FirstOrDefault(s => s.Sequence == sequence && s.Tool == tool && s.Status == StepStatus.Succeeded && s.OutputJson is not null);
}
