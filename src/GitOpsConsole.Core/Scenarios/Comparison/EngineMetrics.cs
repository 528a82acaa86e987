using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Scenarios.Comparison;

/// <summary>The metrics table's row for one engine; durations in seconds, null when the run never got there.</summary>
public sealed record EngineMetrics(
    DeploymentEngine Engine,
    Guid RunId,
    RunStatus Outcome,
    string Reason,
    bool? EndStateCorrect,
    IReadOnlyList<string> EndStateMisses,
    double? TimeToHealthySeconds,
    double? WallTimeSeconds,
    int Steps,
    int ToolCalls,
    int Commits,
    int Rollbacks,
    int Questions,
    double WaitingForPeopleSeconds,
    string Provider,
    long Tokens)
{
    public static EngineMetrics From(EngineRecord record, ExpectedEnd? expected)
    {
        ArgumentNullException.ThrowIfNull(record);
        var run = record.Run;
        var misses = expected is null ? [] : EndStateCheck.Misses(record, expected);
        var waiting = record.Questions.Where(q => q.AnsweredAt is not null).Sum(q => (q.AnsweredAt!.Value - q.CreatedAt).TotalSeconds);
        return new EngineMetrics(record.Engine, run.Id, run.Status, run.Reason ?? "",
            expected is null ? null : misses.Count == 0, misses,
            Seconds(run.StartedAt ?? run.CreatedAt, run.HealthyAt), Seconds(run.StartedAt ?? run.CreatedAt, run.FinishedAt),
            run.Steps.Count, run.Steps.Count(s => s.Status != StepStatus.Skipped), run.CommitsMade,
            run.Steps.Count(s => s.Tool == "git.revert" && s.Status == StepStatus.Succeeded),
            Math.Max(run.QuestionsAsked, record.Questions.Count), Math.Round(waiting, 3),
            record.Engine == DeploymentEngine.Agent ? $"{run.Provider ?? "?"} ({run.Model ?? "?"})" : "none (fixed pipeline)", run.LlmTokens);
    }

    private static double? Seconds(DateTimeOffset from, DateTimeOffset? to) => to is { } end ? Math.Round((end - from).TotalSeconds, 3) : null;
}
