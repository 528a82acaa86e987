using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Operator;

/// <summary>The last syncs of each application (<c>operator.history</c>): what was applied, by whom, with what result.</summary>
public sealed class SyncHistory(IDbContextFactory<GitOpsDbContext> dbFactory)
{
    /// <summary>How many syncs are kept per application, like Argo CD's revisionHistoryLimit.</summary>
    public const int Kept = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the sync and drops the application's older ones beyond <see cref="Kept"/> in the same transaction.</summary>
    public async Task<SyncRecord?> RecordAsync(SyncResult result, string initiatedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var appId = await db.Applications.Where(a => a.Name == result.Application).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (appId is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = new SyncRecord
        {
            ApplicationId = appId.Value,
            Revision = result.Revision,
            Phase = result.Phase,
            Message = result.Message,
            InitiatedBy = initiatedBy,
            StartedAt = result.StartedAt,
            FinishedAt = result.FinishedAt,
            ResourcesJson = JsonSerializer.Serialize(result.Resources.Select(r => new SyncedObject(
                r.Resource.Group, r.Resource.Kind, r.Resource.Namespace, r.Resource.Name, r.Outcome.ToString(), r.Message)), Json),
        };
        db.SyncRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        // Ids grow with each insert, so the highest ids are the newest syncs (ties in StartedAt cannot reorder them).
        var keep = await db.SyncRecords.Where(s => s.ApplicationId == appId).OrderByDescending(s => s.Id).Select(s => s.Id).Take(Kept).ToListAsync(cancellationToken);
        await db.SyncRecords.Where(s => s.ApplicationId == appId && !keep.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    /// <summary>The application's kept syncs, newest first.</summary>
    public async Task<IReadOnlyList<SyncRecord>> ListAsync(string application, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SyncRecords.AsNoTracking()
            .Where(s => db.Applications.Any(a => a.Id == s.ApplicationId && a.Name == application))
            .OrderByDescending(s => s.Id)
            .Take(Kept)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The per-object results of a kept sync.</summary>
    public static IReadOnlyList<SyncedObject> ResourcesOf(SyncRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Deserialize<List<SyncedObject>>(record.ResourcesJson, Json) ?? [];
    }
}

/// <summary>One object's line in a kept sync.</summary>
public sealed record SyncedObject(string Group, string Kind, string Namespace, string Name, string Outcome, string Message);
