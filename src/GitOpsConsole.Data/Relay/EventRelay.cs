using GitOpsConsole.Data.Events;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Relay;

/// <summary>
/// Events other replicas recorded, by receive time. Rows received at the newest time seen are remembered, so one
/// received in the same tick as the last look is published once.
/// </summary>
public sealed class EventRelay(EventFeed feed) : IFeedRelay
{
    private DateTimeOffset? _newest;
    private HashSet<Guid> _atNewest = [];

    public async Task PrimeAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        _newest = await db.TriggerEvents.Select(e => (DateTimeOffset?)e.ReceivedAt).MaxAsync(cancellationToken);
        _atNewest = _newest is { } newest ? [.. await db.TriggerEvents.Where(e => e.ReceivedAt == newest).Select(e => e.Id).ToListAsync(cancellationToken)] : [];
    }

    public async Task PollAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = _newest is { } newest
            ? await db.TriggerEvents.AsNoTracking().Where(e => e.ReceivedAt >= newest).ToListAsync(cancellationToken)
            : await db.TriggerEvents.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => !_atNewest.Contains(r.Id)).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id))
        {
            feed.Publish(row);
        }

        if (rows.Count > 0)
        {
            _newest = rows.Max(r => r.ReceivedAt);
            _atNewest = [.. rows.Where(r => r.ReceivedAt == _newest).Select(r => r.Id)];
        }
    }
}
