using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Core.Toolbox;

/// <summary><c>operator.sync</c>, <c>operator.status</c>, <c>operator.diff</c>, <c>operator.history</c>: the GitOps operator of the application.</summary>
public interface IOperatorTool
{
    /// <summary>Syncs the cluster to Git at <paramref name="revision"/> (the branch head when null) and records who asked.</summary>
    Task<SyncResult> SyncAsync(Application app, string? revision, string initiatedBy, CancellationToken cancellationToken = default);

    Task<ApplicationStatus> StatusAsync(Application app, CancellationToken cancellationToken = default);

    /// <summary>Desired (at <paramref name="revision"/>, the branch head when null) against live, per object.</summary>
    Task<IReadOnlyList<ResourceDiff>> DiffAsync(Application app, string? revision, CancellationToken cancellationToken = default);

    /// <summary>The application's past syncs as the operator keeps them (revision, time, who asked, result), newest first.</summary>
    Task<IReadOnlyList<SyncHistoryEntry>> HistoryAsync(Application app, CancellationToken cancellationToken = default);
}
