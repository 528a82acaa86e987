using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Runs;

/// <summary>A run as lists show it: the run with its application's name and what triggered it.</summary>
public sealed record RunSummary(Run Run, string Application, TriggerEvent? Trigger);

public sealed record RunPage(IReadOnlyList<RunSummary> Items, int Total);

/// <summary>
/// What the filters of the Pipelines page and <c>GET /api/runs</c> can ask for. Runs of the scenario lab's twins are
/// left out unless asked for, by <paramref name="IncludeTwins"/> or by naming the twin.
/// </summary>
public sealed record RunFilter(string? Application = null, DeploymentEngine? Engine = null, RunStatus? Status = null, bool IncludeTwins = false);

/// <summary>Runs newest first with server-side filters and paging, and one run with its steps.</summary>
public sealed class RunQuery(IDbContextFactory<GitOpsDbContext> dbFactory)
{
    public async Task<RunPage> PageAsync(RunFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Runs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Application))
        {
            query = query.Where(r => r.Application!.Name == filter.Application);
        }
        else if (!filter.IncludeTwins)
        {
            query = query.Where(r => r.Application!.Origin == ApplicationOrigin.Configured);
        }

        if (filter.Engine is { } engine)
        {
            query = query.Where(r => r.Engine == engine);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(r => new RunSummary(r, r.Application!.Name, r.TriggerEvent))
            .ToListAsync(cancellationToken);
        return new RunPage(items, total);
    }

    /// <summary>The run with its steps in order, or null.</summary>
    public async Task<RunSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().Include(r => r.Application).Include(r => r.TriggerEvent)
            .Include(r => r.Steps.OrderBy(s => s.Sequence))
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null ? null : new RunSummary(run, run.Application!.Name, run.TriggerEvent);
    }

    /// <summary>The newest run of each application, for the overview and <c>GET /api/apps</c>.</summary>
    public async Task<IReadOnlyDictionary<string, Run>> LatestPerApplicationAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.Runs.AsNoTracking()
            .GroupBy(r => r.ApplicationId)
            .Select(g => g.OrderByDescending(r => r.CreatedAt).First())
            .ToListAsync(cancellationToken);
        var names = await db.Applications.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return latest.ToDictionary(r => names[r.ApplicationId], StringComparer.Ordinal);
    }

    /// <summary>The run an event started, or null. Each stored event concerns one application, so it starts at most one run.</summary>
    public async Task<Run?> RunOfEventAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.TriggerEventId == eventId, cancellationToken);
    }

    /// <summary>The application's queued and running runs with their triggers, oldest first.</summary>
    public async Task<IReadOnlyList<Run>> ActiveOfApplicationAsync(int applicationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().Include(r => r.TriggerEvent)
            .Where(r => r.ApplicationId == applicationId && RunStore.Active.Contains(r.Status))
            .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>The run that last deployed <paramref name="image"/> (<c>repository:tag</c>) successfully, or null.</summary>
    public async Task<Run?> DeployedAsync(int applicationId, string image, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking()
            .Where(r => r.ApplicationId == applicationId && r.Image == image && r.Status == RunStatus.Succeeded)
            .OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
    }
}
