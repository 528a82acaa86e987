using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Web.Components.Runs;

namespace GitOpsConsole.Web.Api;

/// <summary><c>GET /api/runs</c>: one page of runs, newest first, and how many match the filters.</summary>
public sealed record RunListJson(IReadOnlyList<RunJson> Items, int Total);

public sealed record RunTriggerJson(TriggerKind Kind, string Source, string? Commit, string? Image, string? Tag, string? Author, string? Message);

/// <summary>Durations in seconds; null while unknown (not started, not yet healthy).</summary>
public sealed record RunMetricsJson(double? WallTimeSeconds, double? TimeToHealthySeconds, int ToolCalls, int CommitsMade, int Questions, long LlmTokens);

public sealed record RunJson(
    Guid Id, string App, DeploymentEngine Engine, RunStatus Status, RunTriggerJson? Trigger,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Reason, RunMetricsJson Metrics);

/// <summary>A step with its input and output as JSON values, not strings.</summary>
public sealed record RunStepJson(int Sequence, string Tool, string? Summary, StepStatus Status, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    JsonNode? Input, JsonNode? Output, string? Log);

/// <summary>
/// <c>GET /api/runs/{id}</c>. <c>trace</c>, <c>questions</c> and <c>decision</c> belong to the agent engine (its reasoning
/// trace and decision record); workflow runs have none, and the fields are present so scripts read both engines' runs the same way.
/// </summary>
public sealed record RunDetailJson(
    Guid Id, string App, DeploymentEngine Engine, RunStatus Status, RunTriggerJson? Trigger,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Reason, RunMetricsJson Metrics,
    string? Image, string? DeployCommit, string? RollbackCommit, IReadOnlyList<RunStepJson> Steps,
    IReadOnlyList<JsonNode> Trace, IReadOnlyList<QuestionJson> Questions, JsonNode? Decision);

internal static class RunsApiModels
{
    public static RunJson Run(RunSummary summary, DateTimeOffset now)
    {
        var run = summary.Run;
        return new RunJson(run.Id, summary.Application, run.Engine, run.Status, Trigger(summary.Trigger), run.StartedAt, run.FinishedAt, run.Reason, Metrics(summary, now));
    }

    public static RunDetailJson Detail(RunSummary summary, IReadOnlyList<TraceEntry> trace, IReadOnlyList<Question> questions, DateTimeOffset now)
    {
        var run = summary.Run;
        return new RunDetailJson(run.Id, summary.Application, run.Engine, run.Status, Trigger(summary.Trigger), run.StartedAt, run.FinishedAt, run.Reason,
            Metrics(summary, now), run.Image, run.DeployCommitSha, run.RollbackCommitSha,
            [.. run.Steps.Select(s => new RunStepJson(s.Sequence, s.Tool, s.Summary, s.Status, s.StartedAt, s.FinishedAt, StoredJson.Value(s.InputJson), StoredJson.Value(s.OutputJson), s.Log))],
            [.. trace.Select(Trace)], [.. questions.Select(q => QuestionJson.Of(q, summary.Application))], StoredJson.Value(run.DecisionJson));
    }

    public static JsonNode Trace(TraceEntry entry) => new JsonObject
    {
        ["sequence"] = entry.Sequence,
        ["kind"] = entry.Kind.ToString(),
        ["content"] = entry.Content,
        ["tool"] = entry.ToolName,
        ["arguments"] = StoredJson.Value(entry.ArgumentsJson),
        ["durationMs"] = entry.DurationMs,
        ["tokens"] = entry.Tokens,
        ["at"] = entry.CreatedAt,
    };

    private static RunTriggerJson? Trigger(TriggerEvent? e) =>
        e is null ? null : new RunTriggerJson(e.Kind, e.Source, e.CommitSha, e.Image, e.Tag, e.Author, e.Message);

    private static RunMetricsJson Metrics(RunSummary summary, DateTimeOffset now)
    {
        var times = RunTimes.Of(summary.Run, summary.Trigger, now);
        return new RunMetricsJson(times.WallTime?.TotalSeconds, times.TimeToHealthy?.TotalSeconds,
            summary.Run.ToolCalls, summary.Run.CommitsMade, summary.Run.QuestionsAsked, summary.Run.LlmTokens);
    }
}
