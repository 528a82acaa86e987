using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Applications;

namespace GitOpsConsole.Web.Operator;

/// <summary>
/// The console's self-heal switch per application: stored (it wins over the declared policy and survives
/// restarts), audited, and acted on at once: switched on while OutOfSync, the application heals now.
/// </summary>
internal sealed class SelfHealSwitch(ApplicationCatalog catalog, IAuditLog audit, OperatorLoop loop)
{
    public async Task<Application?> SetAsync(string application, bool enabled, string user, CancellationToken cancellationToken)
    {
        var app = await catalog.SetSelfHealAsync(application, enabled, cancellationToken);
        if (app is null)
        {
            return null;
        }

        await audit.RecordAsync(new AuditRecord(user, ActorKind.User, DriftAuditActions.SelfHealSwitch, app.Name,
            Detail: $"self-heal {(enabled ? "on" : "off")} (declared: {(app.SelfHeal ? "on" : "off")})"), cancellationToken);
        loop.Reconsider(app.Name);
        return app;
    }
}
