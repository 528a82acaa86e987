using System.Collections.Concurrent;
using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Operator;
using GitOpsConsole.Web.Clusters;

namespace GitOpsConsole.Web.Operator;

/// <summary>
/// The one embedded operator of the console behind the toolbox's <c>operator.*</c> and <c>cluster.health</c>:
/// the operator loop, the engines, the drift watcher and the API all sync and compare through here, so every
/// sync is audited and kept in the history, every comparison publishes its status and reconciles the drift
/// findings, whoever asked.
/// </summary>
internal sealed class OperatorService(
    ClusterConnection cluster,
    GitMirrorCache mirrors,
    IGitReader git,
    ApplicationStatusFeed statuses,
    SyncHistory history,
    DriftStore drift,
    DriftIgnoreRules ignoreRules,
    IAuditLog audit,
    TimeProvider time,
    ILoggerFactory loggers,
    Integrations.Rendering.IChartRenderer renderer) : IOperatorTool, IClusterTool
{
    private readonly Lazy<EmbeddedOperator> _operator = new(() => new EmbeddedOperator(
        cluster.Client ?? throw new InvalidOperationException("The embedded operator has no cluster: GitOps:Kubernetes is not set and the sandbox is off or failed to start."),
        mirrors, git, time, loggers.CreateLogger<EmbeddedOperator>(), renderer));

    private readonly SyncAttribution _attribution = new(time);
    private readonly ConcurrentDictionary<string, ApplicationInspection> _latest = new(StringComparer.Ordinal);
    // Comparisons of one application run one at a time, so a slow one never overwrites a newer one's findings.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _inspectLocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    /// <summary>False when there is no cluster to operate on.</summary>
    public bool IsAvailable => cluster.IsAvailable;

    public async Task<SyncResult> SyncAsync(Application app, string? revision, string initiatedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var syncing = _attribution.Begin(app.Name, initiatedBy);
        await mirrors.FetchAsync(app.Name, cancellationToken);
        var result = await _operator.Value.SyncAsync(app, revision, app.Prune, cancellationToken);
        var changed = result.Resources.Count(r => r.Outcome is not ResourceSyncOutcome.Unchanged);
        await history.RecordAsync(result, initiatedBy, cancellationToken);
        await audit.RecordAsync(new AuditRecord(initiatedBy, ActorKindOf(initiatedBy), AuditActions.OperatorSync, app.Name,
            Succeeded: result.Succeeded,
            Detail: $"{result.Message} ({changed} of {result.Resources.Count} objects changed)",
            CommitSha: result.Revision), cancellationToken);
        await InspectAsync(app, fetch: false, cancellationToken);
        // Watch-triggered comparisons during the apply may have resolved findings already; the scope saw them all.
        var healed = syncing.Resolved;
        if (healed.Count > 0 && initiatedBy == OperatorInitiators.SelfHeal)
        {
            await audit.RecordAsync(new AuditRecord(initiatedBy, ActorKind.Operator, DriftAuditActions.SelfHeal, app.Name,
                Detail: "Re-applied Git over live edits: " + string.Join("; ", healed.Select(DriftText.Describe)),
                CommitSha: result.Revision), cancellationToken);
        }

        return result;
    }

    public async Task<ApplicationStatus> StatusAsync(Application app, CancellationToken cancellationToken = default) =>
        (await InspectAsync(app, fetch: true, cancellationToken)).Status;

    /// <summary>
    /// Compares the application with Git (fetched first when <paramref name="fetch"/>), publishes its status and
    /// reconciles its drift findings. A live change needs no fetch; the periodic refresh fetches.
    /// </summary>
    public async Task<ApplicationInspection> InspectAsync(Application app, bool fetch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var gate = _inspectLocks.GetOrAdd(app.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            _generations.AddOrUpdate(app.Name, 1, (_, g) => g + 1);
            var filter = new DriftFilter(await ignoreRules.ForAsync(app.Name, cancellationToken));
            var inspection = await _operator.Value.InspectAsync(app, filter, fetch, cancellationToken);
            await RecordAsync(app, inspection, cancellationToken);
            return inspection;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The periodic full comparison of every application against one listing of the cluster. An application
    /// compared on its own while the sweep ran keeps that fresher result.
    /// </summary>
    public async Task SweepAsync(IReadOnlyList<Application> apps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apps);
        var rules = await ignoreRules.ByApplicationAsync(cancellationToken);
        var started = apps.ToDictionary(a => a.Name, a => _generations.GetValueOrDefault(a.Name), StringComparer.Ordinal);
        var inspections = await _operator.Value.SweepAsync(apps, a => new DriftFilter(rules.GetValueOrDefault(a.Name) ?? []), fetch: true, cancellationToken);
        foreach (var (app, inspection) in apps.Zip(inspections))
        {
            var gate = _inspectLocks.GetOrAdd(app.Name, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (_generations.GetValueOrDefault(app.Name) == started[app.Name])
                {
                    await RecordAsync(app, inspection, cancellationToken);
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>The newest comparison of the application, if one ran since the start.</summary>
    public ApplicationInspection? LatestInspection(string application) => _latest.GetValueOrDefault(application);

    public async Task<IReadOnlyList<ResourceDiff>> DiffAsync(Application app, string? revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (revision is not null)
        {
            await mirrors.FetchAsync(app.Name, cancellationToken);
        }

        return await _operator.Value.DiffAsync(app, revision, cancellationToken);
    }

    /// <summary><c>operator.history</c>: the application's last syncs, newest first.</summary>
    public Task<IReadOnlyList<SyncRecord>> HistoryAsync(Application app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        return history.ListAsync(app.Name, cancellationToken);
    }

    async Task<IReadOnlyList<SyncHistoryEntry>> IOperatorTool.HistoryAsync(Application app, CancellationToken cancellationToken) =>
        [.. (await HistoryAsync(app, cancellationToken)).Select(r => new SyncHistoryEntry(r.Revision, r.FinishedAt, r.InitiatedBy, r.Phase, r.Message))];

    public Task<HealthResult> HealthAsync(Application app, CancellationToken cancellationToken = default) =>
        _operator.Value.HealthAsync(app, cancellationToken);

    private async Task RecordAsync(Application app, ApplicationInspection inspection, CancellationToken cancellationToken)
    {
        _latest[app.Name] = inspection;
        statuses.Publish(inspection.Status);
        if (!inspection.Conclusive)
        {
            // Git or the cluster could not be read: absent differences prove nothing, so no finding is resolved.
            return;
        }

        await drift.ReconcileAsync(app.Name, DriftObservation.From(inspection), finding => _attribution.Resolve(app.Name, finding), cancellationToken);
    }

    private static ActorKind ActorKindOf(string initiatedBy) =>
        initiatedBy.StartsWith("run:", StringComparison.Ordinal) ? ActorKind.Engine
        : initiatedBy is OperatorInitiators.Automated or OperatorInitiators.SelfHeal ? ActorKind.Operator
        : ActorKind.User;
}

/// <summary>Who asked for a sync, as the audit log and the sync history name it.</summary>
internal static class OperatorInitiators
{
    public const string Automated = "automated";
    public const string SelfHeal = "self-heal";

    public static string Run(Guid runId) => $"run:{runId}";
}
