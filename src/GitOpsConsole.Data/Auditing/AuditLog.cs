using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Auditing;

/// <summary>Writes audit entries to the store, then tells live views.</summary>
public sealed class AuditLog(IDbContextFactory<GitOpsDbContext> dbFactory, TimeProvider time, AuditFeed feed) : IAuditLog
{
    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = record.Actor,
            ActorKind = record.ActorKind,
            Action = record.Action,
            Target = record.Target,
            Succeeded = record.Succeeded,
            Detail = record.Detail,
            CommitSha = record.CommitSha,
            RemoteAddress = record.RemoteAddress,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
        }

        feed.Publish(entry);
    }
}
