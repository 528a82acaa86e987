using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Core.Scenarios.Comparison;
using GitOpsConsole.Data;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Data.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>Builds comparisons from what is stored: a scenario run's two runs with their end states, or any two past runs.</summary>
internal sealed class ComparisonReader(RunQuery runs, ScenarioRunStore scenarioRuns, ScenarioCatalog catalog, IDbContextFactory<GitOpsDbContext> dbFactory)
{
    /// <summary>The comparison of a scenario run; null while either run is unknown (still preparing, or the lab failed).</summary>
    public async Task<ScenarioComparison?> OfScenarioRunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (await EngineAsync(run.WorkflowApplication, run.WorkflowRunId, run.WorkflowEndJson, cancellationToken) is not { } workflow
            || await EngineAsync(run.AgentApplication, run.AgentRunId, run.AgentEndJson, cancellationToken) is not { } agent)
        {
            return null;
        }

        var definition = catalog.Find(run.Scenario);
        // Expectations apply to finished runs only: a run still going is not yet wrong.
        return ScenarioComparison.Build(run.Scenario, definition?.Title ?? run.Scenario, workflow, agent,
            run.Status == ScenarioRunStatus.Finished ? definition : null);
    }

    /// <summary>Two past runs (of one application, or any two) in the same view, without expectations.</summary>
    public async Task<ScenarioComparison?> OfRunsAsync(Guid first, Guid second, CancellationToken cancellationToken)
    {
        var a = await RecordAsync(first, null, cancellationToken);
        var b = await RecordAsync(second, null, cancellationToken);
        if (a is null || b is null)
        {
            return null;
        }

        // The left column is the workflow's when the two engines differ; two runs of one engine keep their order.
        var (left, right) = a.Engine == DeploymentEngine.Agent && b.Engine == DeploymentEngine.Workflow ? (b, a) : (a, b);
        var app = (await runs.GetAsync(left.Run.Id, cancellationToken))!.Application;
        return ScenarioComparison.Build(app, $"Runs {left.Run.Id.ToString("N")[^8..]} and {right.Run.Id.ToString("N")[^8..]} of {app}", left, right, null);
    }

    /// <summary>The report of a batch ("Run all"): its finished scenario runs in name order.</summary>
    public async Task<ScenarioReport> ReportAsync(IReadOnlyList<ScenarioRun> batch, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var comparisons = new List<ScenarioComparison>();
        foreach (var run in batch.Where(r => r.Status == ScenarioRunStatus.Finished).OrderBy(r => r.Scenario, StringComparer.Ordinal))
        {
            if (await OfScenarioRunAsync(run, cancellationToken) is { } comparison)
            {
                comparisons.Add(comparison);
            }
        }

        return new ScenarioReport(generatedAt, comparisons);
    }

    public Task<IReadOnlyList<ScenarioRun>> LatestAsync(CancellationToken cancellationToken) => scenarioRuns.LatestFinishedAsync(cancellationToken);

    private async Task<EngineRecord?> EngineAsync(string? application, Guid? runId, string? endJson, CancellationToken cancellationToken)
    {
        var id = runId;
        if (id is null && application is not null)
        {
            // Still running: the newest run of the twin, so the page fills while the scenario plays.
            id = (await runs.PageAsync(new RunFilter(Application: application), 0, 1, cancellationToken)).Items is [var newest, ..] ? newest.Run.Id : null;
        }

        return id is { } known ? await RecordAsync(known, endJson is null ? null : JsonSerializer.Deserialize<ObservedEnd>(endJson), cancellationToken) : null;
    }

    private async Task<EngineRecord?> RecordAsync(Guid runId, ObservedEnd? end, CancellationToken cancellationToken)
    {
        if (await runs.GetAsync(runId, cancellationToken) is not { } summary)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questions = await db.Questions.AsNoTracking().Where(q => q.RunId == runId).ToListAsync(cancellationToken);
        return new EngineRecord(summary.Run.Engine, summary.Run, questions, end);
    }
}
