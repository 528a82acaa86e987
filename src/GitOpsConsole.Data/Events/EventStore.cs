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
public sealed class EventStore(IDbContextFactory<GitOpsDbContext> dbFactory, TimeProvider time, EventFeed feed) : IDisposable
{
    // Applications change only when configuration is mirrored at start; a short-lived copy spares a query per event.
    private static readonly TimeSpan ApplicationsLifetime = TimeSpan.FromSeconds(5);

    // SQLite has one writer; queueing here instead of in SQLite's busy-retry loop keeps latency flat under bursts.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private (IReadOnlyList<Application> List, DateTimeOffset LoadedAt)? _applications;

    public async Task<RecordedDelivery> RecordAsync(IncomingEvent incoming, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var applications = await ApplicationsAsync(db, cancellationToken);
        IReadOnlyList<MatchDecision> decisions = incoming.IgnoreReason is { } reason
            ? [new MatchDecision(null, EventDecision.Ignored, reason)]
            : EventMatcher.Match(incoming, applications);

        var now = time.GetUtcNow();
        var rows = decisions.Select(d => ToRow(incoming, d, decisions.Count > 1, now)).ToList();
        var keys = rows.Select(r => r.DeliveryId).ToList();
        db.TriggerEvents.AddRange(rows);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            // Checked under the writer lock, so a redelivery is found here rather than as a failed insert.
            var seen = await ExistingAsync(db, incoming.Source, keys, cancellationToken);
            if (seen.Count > 0)
            {
                return new RecordedDelivery(true, seen);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process sharing the database recorded it first. Anything else is a real failure.
            var existing = await ExistingAsync(db, incoming.Source, keys, cancellationToken);
            if (existing.Count > 0)
            {
                return new RecordedDelivery(true, existing);
            }

            throw;
        }
        finally
        {
            _writer.Release();
        }

        foreach (var row in rows)
        {
            feed.Publish(row);
        }

        return new RecordedDelivery(false, rows);
    }

    /// <summary>Applications were added at run time (the scenario lab's twins): match the next event against the store, not the cached list.</summary>
    public void ApplicationsChanged() => _applications = null;

    public void Dispose() => _writer.Dispose();

    private async Task<IReadOnlyList<Application>> ApplicationsAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_applications is { } cached && now - cached.LoadedAt < ApplicationsLifetime)
        {
            return cached.List;
        }

        var list = await db.Applications.AsNoTracking().ToListAsync(cancellationToken);
        _applications = (list, now);
        return list;
    }

    // Same context as the insert: one connection per delivery on the hot path.
    private static Task<List<TriggerEvent>> ExistingAsync(GitOpsDbContext db, string source, List<string> keys, CancellationToken cancellationToken) =>
        db.TriggerEvents.AsNoTracking().Where(e => e.Source == source && keys.Contains(e.DeliveryId)).ToListAsync(cancellationToken);

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
