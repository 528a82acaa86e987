using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.Kubernetes;

namespace GitOpsConsole.Web.Connections;

/// <summary>
/// <c>cluster.events</c> and <c>cluster.logs</c> for each application where it runs: through Argo CD for
/// <c>Operator: ArgoCd</c> (its destination cluster), else from the console's cluster (the configured one or the sandbox).
/// </summary>
internal sealed class DiagnosticsRouter(KubernetesDiagnosticsTool cluster, ArgoCdConnection argo) : IClusterDiagnosticsTool
{
    public Task<IReadOnlyList<ClusterEvent>> EventsAsync(Application app, int limit, CancellationToken cancellationToken = default) =>
        For(app).EventsAsync(app, limit, cancellationToken);

    public Task<PodLog> LogsAsync(Application app, string? pod, int tailLines, CancellationToken cancellationToken = default) =>
        For(app).LogsAsync(app, pod, tailLines, cancellationToken);

    private IClusterDiagnosticsTool For(Application app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Operator == OperatorKind.ArgoCd ? argo.Diagnostics : cluster;
    }
}
