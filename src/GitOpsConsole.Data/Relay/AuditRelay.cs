using GitOpsConsole.Data.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Relay;

/// <summary>Audit entries other replicas wrote (the leader's runs, syncs and drift decisions), by id, oldest first.</summary>
public sealed class AuditRelay(AuditFeed feed) : IFeedRelay
{
    // Entries are written in bursts (a run's decision record); a poll publishes at most this many and the next goes on.
    private const int Batch = 500;
    private long _last;

    public async Task PrimeAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        _last = await db.AuditEntries.Select(e => (long?)e.Id).MaxAsync(cancellationToken) ?? 0;
    }

    public async Task PollAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Id > _last).OrderBy(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            feed.Publish(entry);
            _last = entry.Id;
        }
    }
}
