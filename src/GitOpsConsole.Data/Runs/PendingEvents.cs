using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Runs;

/// <summary>Accepted events that have no run yet: what a leader picks up from the replicas it cannot hear.</summary>
public sealed class PendingEvents(IDbContextFactory<GitOpsDbContext> dbFactory)
{
    /// <summary>Accepted events for an application received since <paramref name="since"/> without a run, oldest first.</summary>
    public async Task<IReadOnlyList<TriggerEvent>> AcceptedWithoutRunAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TriggerEvents.AsNoTracking()
            .Where(e => e.Decision == EventDecision.Accepted && e.ApplicationName != null && e.ReceivedAt >= since
                && !db.Runs.Any(r => r.TriggerEventId == e.Id))
            .OrderBy(e => e.ReceivedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
    }
}
