using GitOpsConsole.Core.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Scenarios;

/// <summary>Scenario runs: created when the lab starts one, updated as it goes, each change published after it is stored.</summary>
public sealed class ScenarioRunStore(IDbContextFactory<GitOpsDbContext> dbFactory, ScenarioRunFeed feed, TimeProvider time)
{
    public async Task<ScenarioRun> CreateAsync(string scenario, Guid? batchId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var run = new ScenarioRun { Id = Guid.CreateVersion7(now), Scenario = scenario, BatchId = batchId, Status = ScenarioRunStatus.Preparing, CreatedAt = now };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ScenarioRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(new ScenarioRunChange(run.Id, run.Scenario, run.Status));
        return run;
    }

    public async Task<ScenarioRun> UpdateAsync(Guid id, Action<ScenarioRun> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.ScenarioRuns.FirstAsync(s => s.Id == id, cancellationToken);
        change(run);
        if (run.Status is ScenarioRunStatus.Finished or ScenarioRunStatus.Failed)
        {
            run.FinishedAt ??= time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(new ScenarioRunChange(run.Id, run.Scenario, run.Status));
        return run;
    }

    public async Task<ScenarioRun?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ScenarioRuns.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>
    /// Every scenario run without its end states, for deciding which twins to keep (the table holds one row per lab
    /// scenario played; the end-state JSON is what makes rows large).
    /// </summary>
    public async Task<IReadOnlyList<ScenarioRun>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ScenarioRuns.AsNoTracking().Select(s => new ScenarioRun
        {
            Id = s.Id, BatchId = s.BatchId, Scenario = s.Scenario, Status = s.Status, CreatedAt = s.CreatedAt, FinishedAt = s.FinishedAt,
            WorkflowApplication = s.WorkflowApplication, AgentApplication = s.AgentApplication, WorkflowRunId = s.WorkflowRunId, AgentRunId = s.AgentRunId,
        }).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ScenarioRun>> BatchAsync(Guid batchId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ScenarioRuns.AsNoTracking().Where(s => s.BatchId == batchId).OrderBy(s => s.Scenario).ToListAsync(cancellationToken);
    }

    /// <summary>The newest finished run of each scenario, for the matrix of all scenarios × engines.</summary>
    public async Task<IReadOnlyList<ScenarioRun>> LatestFinishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var finished = await db.ScenarioRuns.AsNoTracking().Where(s => s.Status == ScenarioRunStatus.Finished).ToListAsync(cancellationToken);
        return [.. finished.GroupBy(s => s.Scenario).Select(g => g.OrderByDescending(s => s.CreatedAt).First()).OrderBy(s => s.Scenario, StringComparer.Ordinal)];
    }

    /// <summary>The newest "Run all" batch id, or null.</summary>
    public async Task<Guid?> LatestBatchAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var batches = await db.ScenarioRuns.AsNoTracking().Where(s => s.BatchId != null).Select(s => new { s.BatchId, s.CreatedAt }).ToListAsync(cancellationToken);
        return batches.OrderByDescending(b => b.CreatedAt).FirstOrDefault()?.BatchId;
    }
}
