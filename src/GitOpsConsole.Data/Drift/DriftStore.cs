using System.Collections.Concurrent;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Drift;

/// <summary>
/// The drift findings: each comparison's differences are reconciled with the open findings of the
/// application — a new difference opens one, the same difference stays one finding (its live value kept
/// current), and a difference that no longer shows is resolved with how and by whom.
/// </summary>
public sealed class DriftStore(IDbContextFactory<GitOpsDbContext> dbFactory, DriftFeed feed, TimeProvider time)
{
    // Two comparisons of one application finishing together must not both open the same finding.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<DriftChange> ReconcileAsync(string application, IReadOnlyList<DriftObservation> observed, DriftResolver resolve, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(resolve);
        var gate = _locks.GetOrAdd(application, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var appId = await db.Applications.Where(a => a.Name == application).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (appId is null)
            {
                return new DriftChange(application, 0, 0, 0);
            }

            var open = await db.DriftFindings.Where(f => f.ApplicationId == appId && f.ResolvedAt == null).ToListAsync(cancellationToken);
            var byKey = open.ToDictionary(KeyOf);
            var now = time.GetUtcNow();
            int opened = 0, updated = 0, resolved = 0;
            foreach (var item in observed.DistinctBy(o => (o.Resource, o.Path)))
            {
                if (byKey.Remove((item.Resource, item.Path), out var finding))
                {
                    if (finding.Live != item.Live || finding.Desired != item.Desired)
                    {
                        (finding.Live, finding.Desired) = (item.Live, item.Desired);
                        updated++;
                    }

                    continue;
                }

                db.DriftFindings.Add(new DriftFinding
                {
                    ApplicationId = appId.Value, Group = item.Resource.Group, Kind = item.Resource.Kind, Namespace = item.Resource.Namespace,
                    Name = item.Resource.Name, Path = item.Path, Desired = item.Desired, Live = item.Live, DetectedAt = now,
                });
                opened++;
            }

            foreach (var gone in byKey.Values)
            {
                (gone.Resolution, gone.ResolvedBy) = resolve(gone);
                gone.ResolvedAt = now;
                resolved++;
            }

            await db.SaveChangesAsync(cancellationToken);
            var change = new DriftChange(application, opened, updated, resolved);
            if (opened + updated + resolved > 0)
            {
                feed.Publish(change);
            }

            return change;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Findings, newest first, of one application or all, open or resolved or both.</summary>
    public async Task<IReadOnlyList<DriftFindingView>> ListAsync(string? application, bool? open, int limit = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.DriftFindings.AsNoTracking().Include(f => f.Application).AsQueryable();
        if (!string.IsNullOrEmpty(application))
        {
            query = query.Where(f => f.Application!.Name == application);
        }

        if (open is { } wantOpen)
        {
            query = wantOpen ? query.Where(f => f.ResolvedAt == null) : query.Where(f => f.ResolvedAt != null);
        }

        var found = await query.OrderByDescending(f => f.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. found.Select(f => new DriftFindingView(f, f.Application!.Name))];
    }

    /// <summary>Open findings per application name (applications without any are absent).</summary>
    public async Task<IReadOnlyDictionary<string, int>> OpenCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DriftFindings.Where(f => f.ResolvedAt == null)
            .GroupBy(f => f.Application!.Name)
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Name, g => g.Count, StringComparer.Ordinal, cancellationToken);
    }

    private static (ResourceKey, string) KeyOf(DriftFinding f) => (new ResourceKey(f.Group, f.Kind, f.Namespace, f.Name), f.Path);
}

/// <summary>A finding with its application's name, as the API and the Drift page show it.</summary>
public sealed record DriftFindingView(DriftFinding Finding, string Application)
{
    public ResourceKey Resource => new(Finding.Group, Finding.Kind, Finding.Namespace, Finding.Name);
}
