using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Events;

public sealed record EventPage(IReadOnlyList<TriggerEvent> Items, int Total);

/// <summary>Recorded events, newest first, filtered by application and decision.</summary>
public sealed class EventQuery(IDbContextFactory<GitOpsDbContext> dbFactory)
{
    public async Task<EventPage> PageAsync(string? application, EventDecision? decision, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.TriggerEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(application))
        {
            query = query.Where(e => e.ApplicationName == application);
        }
        else
        {
            // The scenario lab's twins: their events, and the ignored pushes of their repositories and images
            // (a twin's image repository in the sandbox registry is named after it).
            query = query.Where(e => !db.Applications.Any(a => a.Origin == ApplicationOrigin.ScenarioTwin
                && (a.Name == e.ApplicationName || a.RepositoryUrl == e.Repository || (e.Image != null && e.Image.EndsWith("/" + a.Name)))));
        }

        if (decision is { } wanted)
        {
            query = query.Where(e => e.Decision == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new EventPage(items, total);
    }

    /// <summary>The newest event of each application, for the overview.</summary>
    public async Task<IReadOnlyDictionary<string, TriggerEvent>> LatestPerApplicationAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.TriggerEvents.AsNoTracking()
            .Where(e => e.ApplicationName != null)
            .GroupBy(e => e.ApplicationName!)
            .Select(g => g.OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id).First())
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(e => e.ApplicationName!, StringComparer.Ordinal);
    }
}
