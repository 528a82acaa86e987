using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Integrations.ArgoCd;

/// <summary>
/// <c>operator.*</c> and <c>cluster.health</c> for applications with <c>Operator: ArgoCd</c>: Argo CD
/// applies Git, the console asks it to sync and reads back its sync and health (the same vocabulary).
/// A rollback while auto-sync is on is refused here as Argo CD refuses it: the engines revert in Git.
/// Every call names the application as Argo CD knows it (<paramref name="argoName"/>; default the console's name).
/// </summary>
public sealed class ArgoCdOperatorTool(ArgoCdClient client, ArgoCdOptions options, TimeProvider time, Func<Application, string>? argoName = null)
    : IOperatorTool, IClusterTool
{
    public async Task<SyncResult> SyncAsync(Application app, string? revision, string initiatedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var name = NameOf(app);
        var started = time.GetUtcNow();

        // The operation the sync starts is told apart from the last one by its start time (Argo CD's clock, not ours).
        var current = await client.GetAsync(name, "normal", cancellationToken);
        var before = current.Operation?.StartedAt;

        // With auto-sync on Argo CD refuses a sync to any revision but its target ("Cannot sync to …: auto-sync
        // currently set to …"); the target is the branch, whose tip holds the revision a run just pushed.
        await client.SyncAsync(name, new ArgoSyncRequest(current.AutoSync ? null : revision, app.Prune), cancellationToken);
        var deadline = started + options.SyncTimeout;
        while (true)
        {
            var now = await client.GetAsync(name, cancellationToken: cancellationToken);
            if (now.Operation is { IsFinished: true } op && op.StartedAt != before)
            {
                return ArgoCdMapping.ToSyncResult(app.Name, op, started, time.GetUtcNow(), initiatedBy);
            }

            if (time.GetUtcNow() >= deadline)
            {
                return new SyncResult(app.Name, revision, SyncPhase.Failed,
                    $"Argo CD's sync of {name} did not finish within {options.SyncTimeout} (GitOps:ArgoCd:SyncTimeout); it may still be running there",
                    started, time.GetUtcNow(), []);
            }

            await Task.Delay(options.PollInterval, time, cancellationToken);
        }
    }

    public async Task<ApplicationStatus> StatusAsync(Application app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var argo = await client.GetAsync(NameOf(app), "normal", cancellationToken);
        return ArgoCdMapping.ToStatus(app.Name, argo, time.GetUtcNow());
    }

    /// <summary>Argo CD's own diff (managed resources, Git at the application's target revision against live).</summary>
    public async Task<IReadOnlyList<ResourceDiff>> DiffAsync(Application app, string? revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var resources = await client.ManagedResourcesAsync(NameOf(app), cancellationToken);
        return [.. resources.Select(r => ArgoCdInspection.Diff(r))];
    }

    /// <summary>The application as Argo CD sees it now: its status and every managed object's diff, less what <paramref name="filter"/> ignores.</summary>
    public async Task<ArgoCdInspection> InspectAsync(Application app, DriftFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var name = NameOf(app);
        var argo = await client.GetAsync(name, cancellationToken: cancellationToken);
        var managed = await client.ManagedResourcesAsync(name, cancellationToken);
        return ArgoCdInspection.From(app.Name, argo, managed, filter, time.GetUtcNow());
    }

    /// <summary>Argo CD's <c>status.history</c>, newest first: only syncs that deployed, so each one Succeeded.</summary>
    public async Task<IReadOnlyList<SyncHistoryEntry>> HistoryAsync(Application app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var argo = await client.GetAsync(NameOf(app), cancellationToken: cancellationToken);
        return [.. argo.History.OrderByDescending(h => h.Id).Select(h => new SyncHistoryEntry(
            h.Revision, h.DeployedAt ?? h.DeployStartedAt ?? default, h.InitiatedBy.Length > 0 ? h.InitiatedBy : "unknown",
            SyncPhase.Succeeded, $"deployed by Argo CD (history id {h.Id})", h.Id))];
    }

    public async Task<HealthResult> HealthAsync(Application app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var argo = await client.GetAsync(NameOf(app), cancellationToken: cancellationToken);
        return new HealthResult(ArgoCdMapping.Health(argo.HealthStatus), argo.HealthMessage);
    }

    /// <summary>Deploys history entry <paramref name="historyId"/> again; refused with the reason while auto-sync is on.</summary>
    public async Task<ArgoApplication> RollbackAsync(Application app, long historyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var name = NameOf(app);
        var argo = await client.GetAsync(name, cancellationToken: cancellationToken);
        if (argo.AutoSync)
        {
            throw new InvalidOperationException(
                $"Argo CD refuses to roll back {name} while auto-sync is on: revert the deploy commit in Git instead (git.revert), which Argo CD then syncs.");
        }

        return await client.RollbackAsync(name, historyId, app.Prune, cancellationToken: cancellationToken);
    }

    /// <summary>The name Argo CD knows <paramref name="app"/> by.</summary>
    private string NameOf(Application app) => argoName?.Invoke(app) ?? app.Name;
}
