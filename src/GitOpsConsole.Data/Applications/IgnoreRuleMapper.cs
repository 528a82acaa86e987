using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Drift;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Applications;

/// <summary>
/// Keeps the declared <c>IgnoreDifferences</c> of each application as its <c>config</c> ignore rules: added,
/// and removed when they leave configuration. Rules people added in the console are left alone.
/// </summary>
internal static class IgnoreRuleMapper
{
    public static async Task<bool> ApplyAsync(GitOpsDbContext db, IReadOnlyList<ApplicationOptions> declared, IReadOnlyDictionary<string, Application> byName,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.DriftIgnoreRules.Where(r => r.CreatedBy == DriftIgnoreRules.FromConfiguration).ToListAsync(cancellationToken);
        var wanted = declared
            .Where(d => byName.ContainsKey(d.Name))
            .SelectMany(d => d.IgnoreDifferences.SelectMany(r => r.JsonPointers.Select(p => new DriftIgnoreRule
            {
                ApplicationId = byName[d.Name].Id, Group = r.Group, Kind = r.Kind, Name = string.IsNullOrEmpty(r.Name) ? null : r.Name,
                JsonPointer = p, CreatedBy = DriftIgnoreRules.FromConfiguration, CreatedAt = now,
            })))
            .DistinctBy(Identity)
            .ToList();
        var have = existing.ToDictionary(Identity);
        var add = wanted.Where(w => !have.ContainsKey(Identity(w))).ToList();
        var wantedKeys = wanted.Select(Identity).ToHashSet();
        var remove = existing.Where(e => !wantedKeys.Contains(Identity(e))).ToList();
        db.DriftIgnoreRules.AddRange(add);
        db.DriftIgnoreRules.RemoveRange(remove);
        return add.Count + remove.Count > 0;
    }

    private static (int, string, string, string?, string) Identity(DriftIgnoreRule r) => (r.ApplicationId, r.Group, r.Kind, r.Name, r.JsonPointer);
}
