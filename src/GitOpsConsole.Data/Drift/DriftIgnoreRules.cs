using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Drift;

/// <summary>
/// The fields drift detection leaves alone per application: declared ones (<c>IgnoreDifferences</c>,
/// CreatedBy <c>config</c>, kept equal to configuration by <see cref="Applications.ApplicationCatalog"/>) and
/// the ones people add from the console or the API.
/// </summary>
public sealed class DriftIgnoreRules(IDbContextFactory<GitOpsDbContext> dbFactory, DriftFeed feed, TimeProvider time)
{
    public const string FromConfiguration = "config";

    /// <summary>Every rule, by application name.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DriftIgnoreRule>>> ByApplicationAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.DriftIgnoreRules.AsNoTracking()
            .Join(db.Applications, r => r.ApplicationId, a => a.Id, (r, a) => new { a.Name, Rule = r })
            .ToListAsync(cancellationToken);
        return rules.GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DriftIgnoreRule>)[.. g.Select(r => r.Rule)], StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<DriftIgnoreRule>> ForAsync(string application, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DriftIgnoreRules.AsNoTracking()
            .Where(r => db.Applications.Any(a => a.Id == r.ApplicationId && a.Name == application))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Adds a rule (or finds the same one) and resolves the open findings it covers as Ignored by
    /// <paramref name="by"/>, in one transaction. Null when the application is unknown.
    /// </summary>
    public async Task<IgnoreResult?> AddAsync(string application, string group, string kind, string? name, string jsonPointer, string by, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var appId = await db.Applications.Where(a => a.Name == application).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (appId is null)
        {
            return null;
        }

        name = string.IsNullOrEmpty(name) ? null : name;
        var now = time.GetUtcNow();
        var rule = await db.DriftIgnoreRules.FirstOrDefaultAsync(
            r => r.ApplicationId == appId && r.Group == group && r.Kind == kind && r.Name == name && r.JsonPointer == jsonPointer, cancellationToken);
        if (rule is null)
        {
            rule = new DriftIgnoreRule { ApplicationId = appId.Value, Group = group, Kind = kind, Name = name, JsonPointer = jsonPointer, CreatedBy = by, CreatedAt = now };
            db.DriftIgnoreRules.Add(rule);
        }

        var open = await db.DriftFindings.Where(f => f.ApplicationId == appId && f.ResolvedAt == null && f.Group == group && f.Kind == kind).ToListAsync(cancellationToken);
        var covered = open.Where(f => DriftFilter.Matches(rule, new ResourceKey(f.Group, f.Kind, f.Namespace, f.Name), f.Path)).ToList();
        foreach (var finding in covered)
        {
            (finding.ResolvedAt, finding.Resolution, finding.ResolvedBy) = (now, DriftResolution.Ignored, by);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (covered.Count > 0)
        {
            feed.Publish(new DriftChange(application, 0, 0, covered.Count));
        }

        return new IgnoreResult(rule, covered.Count);
    }
}

/// <summary>The rule in force and how many open findings it resolved.</summary>
public sealed record IgnoreResult(DriftIgnoreRule Rule, int Resolved);
