using System.Text.Json;
using System.Text.Json.Serialization;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Operator;

/// <summary>
/// Each application's latest status in the store, written by the leading replica and read by the others (see
/// <see cref="StatusSnapshot"/>). One writer at a time (the leader's recorder), so versions are handed out here.
/// </summary>
public sealed class StatusSnapshots(IDbContextFactory<GitOpsDbContext> dbFactory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Stores the statuses, each with a new version; a status of an application the store does not know is skipped.</summary>
    public async Task SaveAsync(IReadOnlyCollection<ApplicationStatus> statuses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = statuses.Select(s => s.Application).ToList();
        var ids = await db.Applications.Where(a => names.Contains(a.Name)).ToDictionaryAsync(a => a.Name, a => a.Id, StringComparer.Ordinal, cancellationToken);
        var known = ids.Values.ToList();
        var existing = await db.StatusSnapshots.Where(s => known.Contains(s.ApplicationId)).ToDictionaryAsync(s => s.ApplicationId, cancellationToken);
        var version = await db.StatusSnapshots.MaxAsync(s => (long?)s.Version, cancellationToken) ?? 0;
        foreach (var status in statuses)
        {
            if (!ids.TryGetValue(status.Application, out var id))
            {
                continue;
            }

            if (!existing.TryGetValue(id, out var snapshot))
            {
                snapshot = new StatusSnapshot { ApplicationId = id, StatusJson = string.Empty };
                db.StatusSnapshots.Add(snapshot);
                existing[id] = snapshot;
            }

            snapshot.Version = ++version;
            snapshot.StatusJson = JsonSerializer.Serialize(status, Json);
            snapshot.ObservedAt = status.ObservedAt;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The statuses stored after <paramref name="version"/>, oldest change first, with the newest version read.</summary>
    public static async Task<(IReadOnlyList<ApplicationStatus> Statuses, long Version)> ChangedSinceAsync(GitOpsDbContext db, long version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.StatusSnapshots.AsNoTracking().Where(s => s.Version > version).OrderBy(s => s.Version)
            .Select(s => new { s.Version, s.StatusJson }).ToListAsync(cancellationToken);
        return ([.. rows.Select(r => JsonSerializer.Deserialize<ApplicationStatus>(r.StatusJson, Json)!)], rows.Count == 0 ? version : rows[^1].Version);
    }
}
