using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Auditing;

/// <summary>Filters for the audit log; null means "any".</summary>
public sealed record AuditFilter(
    string? Actor = null,
    string? Action = null,
    bool? Succeeded = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Text = null);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total);

/// <summary>Server-side paging over the audit log, newest first.</summary>
public sealed class AuditQuery(IDbContextFactory<GitOpsDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Apply(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(page * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new AuditPage(items, total);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }

    private static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(a => a.Actor == filter.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (filter.Succeeded is { } succeeded)
        {
            query = query.Where(a => a.Succeeded == succeeded);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.At < to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = $"%{filter.Text.Trim()}%";
            query = query.Where(a => EF.Functions.Like(a.Target ?? "", pattern) || EF.Functions.Like(a.Detail ?? "", pattern));
        }

        return query;
    }
}
