using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Web.Operator;

namespace GitOpsConsole.Web.Connections;

/// <summary>
/// <c>operator.*</c> and <c>cluster.health</c> for each application on its operator: the embedded one, or
/// Argo CD for <c>Operator: ArgoCd</c> (whose syncs are audited here, as the embedded operator audits its own).
/// </summary>
internal sealed class OperatorRouter(OperatorService embedded, ArgoCdConnection argo, IAuditLog audit, Drift.ArgoCdDriftRefresher argoDrift) : IOperatorTool, IClusterTool
{
    public async Task<SyncResult> SyncAsync(Application app, string? revision, string initiatedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Operator != OperatorKind.ArgoCd)
        {
            return await embedded.SyncAsync(app, revision, initiatedBy, cancellationToken);
        }

        var result = await argo.Operator.SyncAsync(app, revision, initiatedBy, cancellationToken);
        await audit.RecordAsync(new AuditRecord(initiatedBy, initiatedBy.StartsWith("run:", StringComparison.Ordinal) ? ActorKind.Engine : ActorKind.User,
            AuditActions.OperatorSync, app.Name, Succeeded: result.Succeeded, Detail: result.Message, CommitSha: result.Revision), cancellationToken);
        // The Drift page shows what the sync changed now, not at the next refresh.
        argoDrift.Request(app.Name);
        return result;
    }

    public Task<ApplicationStatus> StatusAsync(Application app, CancellationToken cancellationToken = default) =>
        IsArgo(app) ? argo.Operator.StatusAsync(app, cancellationToken) : embedded.StatusAsync(app, cancellationToken);

    public Task<IReadOnlyList<ResourceDiff>> DiffAsync(Application app, string? revision, CancellationToken cancellationToken = default) =>
        IsArgo(app) ? argo.Operator.DiffAsync(app, revision, cancellationToken) : embedded.DiffAsync(app, revision, cancellationToken);

    public Task<IReadOnlyList<SyncHistoryEntry>> HistoryAsync(Application app, CancellationToken cancellationToken = default) =>
        IsArgo(app) ? argo.Operator.HistoryAsync(app, cancellationToken) : ((IOperatorTool)embedded).HistoryAsync(app, cancellationToken);

    public Task<HealthResult> HealthAsync(Application app, CancellationToken cancellationToken = default) =>
        IsArgo(app) ? argo.Operator.HealthAsync(app, cancellationToken) : embedded.HealthAsync(app, cancellationToken);

    private static bool IsArgo(Application app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Operator == OperatorKind.ArgoCd;
    }
}
