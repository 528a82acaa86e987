using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Applications;

/// <summary>
/// Mirrors the applications declared in configuration into the store, so runs, events and drift
/// can reference them. Configuration is the source of truth: entries are added and updated;
/// applications removed from configuration stay (their history matters) but are reported. The scenario lab's
/// twins are stored beside them with <see cref="ApplicationOrigin.ScenarioTwin"/>; a retired twin (its world deleted)
/// keeps its row for its runs but is no longer listed for work.
/// </summary>
public sealed class ApplicationCatalog(IDbContextFactory<GitOpsDbContext> dbFactory, TimeProvider time)
{
    public async Task<CatalogSyncResult> SyncAsync(IReadOnlyList<ApplicationOptions> declared, CancellationToken cancellationToken = default) =>
        await SyncAsync(declared, ApplicationOrigin.Configured, cancellationToken);

    /// <summary>Adds or updates applications of the given origin (a twin registered again comes back from retirement).</summary>
    public async Task<CatalogSyncResult> SyncAsync(IReadOnlyList<ApplicationOptions> declared, ApplicationOrigin origin, CancellationToken cancellationToken = default)
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
                app = new Application { Name = options.Name, Environment = "", RepositoryUrl = "", Namespace = "", CreatedAt = now, Origin = origin };
                db.Applications.Add(app);
                added.Add(options.Name);
            }

            if (origin == ApplicationOrigin.ScenarioTwin && app.RetiredAt is not null)
            {
                app.RetiredAt = null;
                app.UpdatedAt = now;
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
        var orphaned = existing.Values.Where(a => a.Origin == origin && !declaredNames.Contains(a.Name)).Select(a => a.Name).Order(StringComparer.Ordinal).ToList();
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

    /// <summary>Every application the console works on: the configured ones and the twins not retired.</summary>
    public async Task<IReadOnlyList<Application>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().Where(a => a.RetiredAt == null).OrderBy(a => a.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The applications the everyday pages show (Overview, Pipelines, Drift, Events and their choices): no twins.</summary>
    public async Task<IReadOnlyList<Application>> ListConfiguredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().Where(a => a.Origin == ApplicationOrigin.Configured).OrderBy(a => a.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The scenario twins already retired, whose sandbox worlds may still need deleting.</summary>
    public async Task<IReadOnlyList<Application>> ListRetiredTwinsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Applications.AsNoTracking().Where(a => a.Origin == ApplicationOrigin.ScenarioTwin && a.RetiredAt != null)
            .OrderBy(a => a.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Marks an application's world as deleted; its row stays for the runs that name it. False when unknown.</summary>
    public async Task<bool> RetireAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await db.Applications.Where(a => a.Name == name && a.RetiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.RetiredAt, now).SetProperty(a => a.UpdatedAt, now), cancellationToken) > 0;
    }
}

public sealed record CatalogSyncResult(IReadOnlyList<string> Added, IReadOnlyList<string> Updated, IReadOnlyList<string> NoLongerDeclared)
{
    public bool Changed => Added.Count > 0 || Updated.Count > 0;
}
