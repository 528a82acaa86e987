using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Drift;

namespace GitOpsConsole.Web.Drift;

/// <summary>What ignoring a field gave: the rule and the findings it resolved, or why it was refused.</summary>
internal sealed record IgnoreOutcome(IgnoreResult? Result, bool UnknownApp, string? Error);

/// <summary>
/// "Ignore this field" (Drift page, <c>POST /api/drift/ignore</c>): validates the rule, stores it, resolves the
/// findings it covers as Ignored by the user, audits it, and compares the application again so its sync
/// status stops counting the field.
/// </summary>
internal sealed class DriftIgnore(DriftIgnoreRules rules, IAuditLog audit, InspectionQueue inspections, IHostApplicationLifetime lifetime)
{
    public async Task<IgnoreOutcome> IgnoreAsync(string app, string? group, string? kind, string? name, string? path, string user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(app) || string.IsNullOrWhiteSpace(kind))
        {
            return new IgnoreOutcome(null, false, "'app' and 'kind' are required.");
        }

        if (path is null || !path.StartsWith('/') || path.Length > 1024)
        {
            return new IgnoreOutcome(null, false, $"'path' must be a JSON pointer starting with '/' (e.g. /spec/replicas), got '{path}'.");
        }

        var result = await rules.AddAsync(app, group ?? "", kind, name, path, user, cancellationToken);
        if (result is null)
        {
            return new IgnoreOutcome(null, true, null);
        }

        var target = new ResourceKey(group ?? "", kind, "", name ?? "*");
        await audit.RecordAsync(new AuditRecord(user, ActorKind.User, DriftAuditActions.Ignore, app,
            Detail: $"ignore {path} of {target.Kind} {target.Name}{(target.Group.Length > 0 ? $" ({target.Group})" : "")}; {result.Resolved} open finding(s) resolved"), cancellationToken);
        inspections.Request(app, lifetime.ApplicationStopping);
        return new IgnoreOutcome(result, false, null);
    }
}
