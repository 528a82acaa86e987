using GitOpsConsole.Data.Drift;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Relay;

/// <summary>Findings opened (new ids) and resolved (open ones followed until they close), as one <see cref="DriftChange"/> per application.</summary>
public sealed class DriftRelay(DriftFeed feed) : IFeedRelay
{
    private long _last;
    private HashSet<long> _open = [];

    public async Task PrimeAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        _last = await db.DriftFindings.Select(f => (long?)f.Id).MaxAsync(cancellationToken) ?? 0;
        _open = [.. await db.DriftFindings.Where(f => f.ResolvedAt == null).Select(f => f.Id).ToListAsync(cancellationToken)];
    }

    public async Task PollAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        List<long> open = [.. _open];
        var rows = await db.DriftFindings.AsNoTracking().Where(f => f.Id > _last || open.Contains(f.Id))
            .Select(f => new { f.Id, Application = f.Application!.Name, Resolved = f.ResolvedAt != null }).ToListAsync(cancellationToken);
        foreach (var app in rows.GroupBy(r => r.Application))
        {
            var opened = app.Count(r => r.Id > _last);
            var resolved = app.Count(r => r.Resolved);
            if (opened + resolved > 0)
            {
                feed.Publish(new DriftChange(app.Key, opened, 0, resolved));
            }
        }

        _open = [.. rows.Where(r => !r.Resolved).Select(r => r.Id)];
        _last = rows.Select(r => r.Id).Append(_last).Max();
    }
}
