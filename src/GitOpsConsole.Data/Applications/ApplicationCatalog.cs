using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Applications;

/// <summary>
/// Mirrors the applications declared in configuration into the store, so runs, events and drift
/// can reference them. Configuration is the source of truth: entries are added and updated;
/// applications removed from configuration stay (their history matters) but are reported.
/// </summary>
public sealed class ApplicationCatalog(IDbContextFactory<GitOpsDbContext> dbFactory, TimeProvider time)
{
    public async Task<CatalogSyncResult> SyncAsync(IReadOnlyList<ApplicationOptions> declared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(declared);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Applications.ToDictionaryAsync(a => a.Name, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow();
        List<string> added = [], updated = [];
        foreach (var options in declared)
        {
            if (!existing.TryGetValue(options.Name, out var app))
            {
                app = new Application { Name = options.Name, Environment = "", RepositoryUrl = "", Namespace = "", CreatedAt = now };
                db.Applications.Add(app);
                added.Add(options.Name);
            }

            if (ApplicationMapper.Apply(options, app))
            {
                app.UpdatedAt = now;
                if (app.Id != 0)
                {
                    updated.Add(options.Name);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var byName = (await db.Applications.ToListAsync(cancellationToken)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        if (await IgnoreRuleMapper.ApplyAsync(db, declared, byName, now, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var declaredNames = declared.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var orphaned = existing.Keys.Where(n => !declaredNames.Contains(n)).Order(StringComparer.Ordinal).ToList();
        return new CatalogSyncResult(added, updated, orphaned);
    }

    public async Task<Application?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name, cancellationToken);
    }

    /// <summary>The console's self-heal switch (it outlives restarts and wins over the declared policy). Null when the application is unknown.</summary>
    public async Task<Application?> SetSelfHealAsync(string name, bool enabled, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var app = await db.Applications.FirstOrDefaultAsync(a => a.Name == name, cancellationToken);
        if (app is null)
        {
            return null;
        }

        app.SelfHealOverride = enabled;
        app.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return app;
    }

    public async Task<IReadOnlyList<Application>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
    }
}

public sealed record CatalogSyncResult(IReadOnlyList<string> Added, IReadOnlyList<string> Updated, IReadOnlyList<string> NoLongerDeclared)
{
    public bool Changed => Added.Count > 0 || Updated.Count > 0;
}
