using GitOpsConsole.Data.Agent;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Relay;

/// <summary>Trace entries are only ever appended: each one with an id above the last seen is published once, in order.</summary>
public sealed class TraceRelay(TraceFeed feed) : IFeedRelay
{
    private const int Batch = 500;
    private long _last;

    public async Task PrimeAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        _last = await db.TraceEntries.Select(e => (long?)e.Id).MaxAsync(cancellationToken) ?? 0;
    }

    public async Task PollAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = await db.TraceEntries.AsNoTracking().Where(e => e.Id > _last).OrderBy(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            feed.Publish(new TraceChange(entry.RunId, entry));
            _last = entry.Id;
        }
    }
}
