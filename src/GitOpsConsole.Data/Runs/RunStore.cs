using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Runs;

/// <summary>
/// The lifecycle of runs: queued per application (a newer event supersedes the queued older ones), started,
/// journaled step by step, finished. Every change is saved before <see cref="RunFeed"/> is told.
/// </summary>
public sealed class RunStore(IDbContextFactory<GitOpsDbContext> dbFactory, RunFeed feed, TimeProvider time) : IRunJournal
{
    public static readonly RunStatus[] Active = [RunStatus.Queued, RunStatus.Running, RunStatus.WaitingForInput];

    /// <summary>Queues a run of <paramref name="engine"/> for the event; queued runs of the same application it supersedes end Cancelled.</summary>
    public async Task<Run> QueueAsync(TriggerEvent trigger, Application app, DeploymentEngine engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(app);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var run = new Run
        {
            Id = Guid.CreateVersion7(now), ApplicationId = app.Id, TriggerEventId = trigger.Id, Engine = engine,
            Status = RunStatus.Queued, CommitSha = trigger.CommitSha, CreatedAt = now,
            Image = trigger.Image is not null && trigger.Tag is not null ? $"{trigger.Image}:{trigger.Tag}" : null,
        };
        // A deploy supersedes queued deploys; a pull-request check supersedes queued checks of the same pull request.
        var isCheck = trigger.Kind == TriggerKind.PullRequest;
        var superseded = await db.Runs.Where(r => r.ApplicationId == app.Id && r.Status == RunStatus.Queued && r.Engine == engine
                && (r.TriggerEvent!.Kind == TriggerKind.PullRequest) == isCheck && (!isCheck || r.TriggerEvent.Ref == trigger.Ref))
            .ToListAsync(cancellationToken);
        foreach (var older in superseded)
        {
            older.Status = RunStatus.Cancelled;
            older.FinishedAt = now;
            older.Reason = $"Superseded by run {run.Id} for a newer {Describe(trigger)}";
        }

        db.Runs.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica queued this event's run a moment earlier (the unique index said so): that one stands.
            var queuedElsewhere = await RunOfAsync(trigger.Id, engine, cancellationToken);
            if (queuedElsewhere is null)
            {
                throw;
            }

            return queuedElsewhere;
        }

        foreach (var older in superseded)
        {
            feed.Publish(new RunChange(older.Id, app.Name, older.Status));
        }

        feed.Publish(new RunChange(run.Id, app.Name, run.Status));
        return run;
    }

    private async Task<Run?> RunOfAsync(Guid eventId, DeploymentEngine engine, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.TriggerEventId == eventId && r.Engine == engine, cancellationToken);
    }

    /// <summary>The run the application's worker takes next: an interrupted one first (to resume), else the oldest queued.</summary>
    public async Task<Run?> NextAsync(int applicationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().Include(r => r.TriggerEvent)
            .Where(r => r.ApplicationId == applicationId && Active.Contains(r.Status))
            .OrderBy(r => r.Status == RunStatus.Queued).ThenBy(r => r.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Ids of the applications with runs that are queued or were running when the console stopped.</summary>
    public async Task<IReadOnlyList<int>> ApplicationsWithActiveRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.Where(r => Active.Contains(r.Status)).Select(r => r.ApplicationId).Distinct().ToListAsync(cancellationToken);
    }

    public Task StartAsync(Guid runId, CancellationToken cancellationToken = default) =>
        UpdateRunAsync(runId, r =>
        {
            r.Status = RunStatus.Running;
            r.StartedAt ??= time.GetUtcNow();
        }, cancellationToken);

    public Task FinishAsync(Guid runId, RunStatus status, string reason, CancellationToken cancellationToken = default) =>
        UpdateRunAsync(runId, r =>
        {
            r.Status = status;
            r.Reason = reason;
            r.FinishedAt = time.GetUtcNow();
        }, cancellationToken);

    /// <summary>Cancels a queued run; false when the run is not queued (running runs are cancelled by their worker).</summary>
    public async Task<bool> CancelQueuedAsync(Guid runId, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RunStatus.Cancelled).SetProperty(r => r.Reason, reason).SetProperty(r => r.FinishedAt, now), cancellationToken);
        if (changed > 0)
        {
            await PublishAsync(db, runId, cancellationToken);
        }

        return changed > 0;
    }

    /// <summary>
    /// Asks the replica that executes a running (or waiting) run to cancel it: stored, for the leader to act on at
    /// its next look. False when the run is not running or waiting (any more).
    /// </summary>
    public async Task<bool> RequestCancelAsync(Guid runId, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.Where(r => r.Id == runId && (r.Status == RunStatus.Running || r.Status == RunStatus.WaitingForInput))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CancelRequestedBy, user), cancellationToken) > 0;
    }

    /// <summary>Running or waiting runs someone asked to cancel on another replica, with who asked.</summary>
    public async Task<IReadOnlyList<(Guid RunId, string User)>> CancelRequestsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var requests = await db.Runs.Where(r => r.CancelRequestedBy != null && (r.Status == RunStatus.Running || r.Status == RunStatus.WaitingForInput))
            .Select(r => new { r.Id, r.CancelRequestedBy }).ToListAsync(cancellationToken);
        return [.. requests.Select(r => (r.Id, r.CancelRequestedBy!))];
    }

    public async Task<IReadOnlyList<Step>> StepsAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Steps.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
    }

    public async Task<Step> StartStepAsync(Guid runId, int sequence, string tool, string? inputJson, string summary, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A step interrupted by a restart (or a replay that took another path) is replaced, and so is everything after it.
        await db.Steps.Where(s => s.RunId == runId && s.Sequence >= sequence).ExecuteDeleteAsync(cancellationToken);
        var step = new Step
        {
            RunId = runId, Sequence = sequence, Tool = tool, InputJson = inputJson, Summary = summary,
            Status = StepStatus.Running, StartedAt = time.GetUtcNow(),
        };
        db.Steps.Add(step);
        var run = await db.Runs.FirstAsync(r => r.Id == runId, cancellationToken);
        run.ToolCalls = Math.Max(run.ToolCalls, sequence);
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(db, runId, cancellationToken);
        return step;
    }

    public async Task FinishStepAsync(Step step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Steps.Update(step);
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(db, step.RunId, cancellationToken);
    }

    public async Task UpdateRunAsync(Guid runId, Action<Run> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new InvalidOperationException($"Run {runId} does not exist.");
        change(run);
        await db.SaveChangesAsync(cancellationToken);
        await PublishAsync(db, runId, cancellationToken);
    }

    private async Task PublishAsync(GitOpsDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        var row = await db.Runs.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new { r.Status, App = r.Application!.Name }).FirstAsync(cancellationToken);
        feed.Publish(new RunChange(runId, row.App, row.Status));
    }

    private static string Describe(TriggerEvent trigger) =>
        trigger.Tag is not null ? $"image {trigger.Image}:{trigger.Tag}"
        : trigger.CommitSha is { Length: >= 7 } sha ? $"commit {sha[..7]}"
        : $"{trigger.Kind} event";
}
