using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Agent;

/// <summary>
/// The agent runs' traces: entries appended in sequence (one writer per run: its worker), saved before
/// <see cref="TraceFeed"/> is told, read back in order to show a trace or resume a run.
/// </summary>
public sealed class TraceStore(IDbContextFactory<GitOpsDbContext> dbFactory, TraceFeed feed, TimeProvider time) : IAgentJournal
{
    public async Task<IReadOnlyList<TraceEntry>> EntriesAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TraceEntries.AsNoTracking().Where(t => t.RunId == runId).OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
    }

    public async Task<TraceEntry> AppendAsync(TraceEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.TraceEntries.Where(t => t.RunId == entry.RunId).MaxAsync(t => (int?)t.Sequence, cancellationToken);
        entry.Id = 0;
        entry.Sequence = (last ?? 0) + 1;
        entry.CreatedAt = time.GetUtcNow();
        db.TraceEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(new TraceChange(entry.RunId, entry));
        return entry;
    }
}
