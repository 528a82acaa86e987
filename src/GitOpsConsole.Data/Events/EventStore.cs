using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Events;

/// <summary>The outcome of recording one delivery: one row per application it concerns (or one ignored row).</summary>
public sealed record RecordedDelivery(bool Duplicate, IReadOnlyList<TriggerEvent> Events);

/// <summary>
/// Persists events with their matching decision before anyone acknowledges them. A delivery id
/// seen before from the same source is a duplicate and changes nothing.
/// </summary>
public sealed class EventStore(IDbContextFactory<GitOpsDbContext> dbFactory, TimeProvider time, EventFeed feed)
{
    public async Task<RecordedDelivery> RecordAsync(IncomingEvent incoming, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var applications = await db.Applications.AsNoTracking().ToListAsync(cancellationToken);
        IReadOnlyList<MatchDecision> decisions = incoming.IgnoreReason is { } reason
            ? [new MatchDecision(null, EventDecision.Ignored, reason)]
            : EventMatcher.Match(incoming, applications);

        var now = time.GetUtcNow();
        var rows = decisions.Select(d => ToRow(incoming, d, decisions.Count > 1, now)).ToList();
        var keys = rows.Select(r => r.DeliveryId).ToList();
        var existing = await db.TriggerEvents.AsNoTracking()
            .Where(e => e.Source == incoming.Source && keys.Contains(e.DeliveryId))
            .ToListAsync(cancellationToken);
        if (existing.Count > 0)
        {
            return new RecordedDelivery(true, existing);
        }

        db.TriggerEvents.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same delivery may have raced in on another request and won; anything else is a real failure.
            if (await AnyExistsAsync(incoming.Source, keys, cancellationToken))
            {
                return new RecordedDelivery(true, rows);
            }

            throw;
        }

        foreach (var row in rows)
        {
            feed.Publish(row);
        }

        return new RecordedDelivery(false, rows);
    }

    private async Task<bool> AnyExistsAsync(string source, List<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TriggerEvents.AnyAsync(e => e.Source == source && keys.Contains(e.DeliveryId), cancellationToken);
    }

    private static TriggerEvent ToRow(IncomingEvent incoming, MatchDecision decision, bool several, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = incoming.Kind,
        Source = incoming.Source,
        // One delivery for several applications is one row each; the suffix keeps redelivery detectable.
        DeliveryId = several ? $"{incoming.DeliveryId}#{decision.Application}" : incoming.DeliveryId,
        Repository = incoming.Repository,
        Ref = incoming.Ref,
        CommitSha = incoming.CommitSha,
        Author = Truncate(incoming.Author, 200),
        Message = Truncate(incoming.Message, 2000),
        Image = incoming.Image,
        Tag = incoming.Tag,
        Digest = incoming.Digest,
        ApplicationName = decision.Application,
        RequestedEngine = incoming.Engine,
        Decision = decision.Decision,
        Reason = Truncate(decision.Reason, 1000),
        ReceivedAt = now,
    };

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
