using System.Collections.Concurrent;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Integrations.Git;
using k8s;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// The built-in GitOps operator: renders an application's chart at a Git revision, server-side applies it with
/// field manager <c>gitops-console</c> (namespaces and CRDs first, then Helm's order), prunes what the
/// application applied earlier and Git no longer has, and reports sync and health in Argo CD's vocabulary.
/// One sync per application at a time.
/// </summary>
public sealed class EmbeddedOperator
{
    private readonly DesiredStateSource _desired;
    private readonly ObjectApplier _applier;
    private readonly KubeApi _api;
    private readonly ResourceDiscovery _discovery;
    private readonly LiveStateReader _reader;
    private readonly LiveComparer _comparer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _syncLocks = new(StringComparer.Ordinal);

    public EmbeddedOperator(IKubernetes kubernetes, GitMirrorCache mirrors, IGitReader git, TimeProvider timeProvider, ILogger<EmbeddedOperator> logger, Rendering.IChartRenderer? renderer = null)
    {
        var api = _api = new KubeApi(kubernetes);
        var discovery = _discovery = new ResourceDiscovery(api);
        _desired = new DesiredStateSource(new ChartSource(mirrors, git, renderer), git, new DesiredStateBuilder(discovery));
        _applier = new ObjectApplier(api, discovery);
        _reader = new LiveStateReader(api, discovery);
        _comparer = new LiveComparer(_reader);
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>Makes the cluster what Git says at <paramref name="revision"/> (the application's branch when null).</summary>
    public async Task<SyncResult> SyncAsync(Application app, string? revision, bool prune, CancellationToken cancellationToken = default)
    {
        Validate(app);
        var gate = _syncLocks.GetOrAdd(app.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var result = await new SyncRun(app, prune, _desired, _applier, _reader, _time, _logger).RunAsync(revision ?? app.Branch, cancellationToken);
            OperatorLog.SyncFinished(_logger, app.Name, result.Revision, result.Phase, result.Message);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Sync and health of the application against its branch's head, with every object's own.</summary>
    public async Task<ApplicationStatus> StatusAsync(Application app, CancellationToken cancellationToken = default) =>
        (await InspectAsync(app, DriftFilter.None, fetch: true, cancellationToken)).Status;

    /// <summary>
    /// Status plus both sides of every object, compared against the branch head with <paramref name="filter"/>
    /// leaving ignored fields out. Without <paramref name="fetch"/> Git is read from the local mirror as it is,
    /// which is what a reaction to a live change needs.
    /// </summary>
    public async Task<ApplicationInspection> InspectAsync(Application app, DriftFilter filter, bool fetch, CancellationToken cancellationToken = default)
    {
        Validate(app);
        ArgumentNullException.ThrowIfNull(filter);
        var load = await _desired.LoadForComparisonAsync(app, fetch, cancellationToken);
        return await InspectAsync(app, load, filter, _reader, cancellationToken);
    }

    /// <summary>
    /// Inspects many applications against one snapshot of the cluster (each kind listed once), the periodic
    /// full comparison. Git is fetched per application when <paramref name="fetch"/> is set.
    /// </summary>
    public async Task<IReadOnlyList<ApplicationInspection>> SweepAsync(
        IReadOnlyList<Application> apps, Func<Application, DriftFilter> filters, bool fetch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(filters);
        ClusterSnapshot snapshot;
        try
        {
            snapshot = await ClusterSnapshot.LoadAsync(_api, _discovery, _reader, cancellationToken);
        }
        catch (Exception ex) when (ex is KubeApiException or HttpRequestException)
        {
            var message = $"Reading the cluster failed: {ex.Message}";
            return [.. apps.Select(a => new ApplicationInspection(
                new ApplicationStatus(a.Name, null, SyncStatus.Unknown, HealthStatus.Unknown, message, [], _time.GetUtcNow(), message), []))];
        }

        // Each application's Git read and comparison is independent once the cluster is listed; the mirrors are separate repositories.
        var results = new ApplicationInspection[apps.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, apps.Count), new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (i, ct) =>
            {
                Validate(apps[i]);
                var load = await _desired.LoadForComparisonAsync(apps[i], fetch, ct);
                results[i] = await InspectAsync(apps[i], load, filters(apps[i]), snapshot, ct);
            });
        return results;
    }

    private async Task<ApplicationInspection> InspectAsync(Application app, DesiredLoad load, DriftFilter filter, ILiveView view, CancellationToken cancellationToken)
    {
        if (load.State is null)
        {
            // Without Git's view the sync state is unknowable; what the application owns still has a health.
            var owned = await view.OwnedAsync(app.Name, cancellationToken);
            var resources = owned
                .Select(o => (Object: o, Health: HealthAssessor.Assess(o.Json)))
                .Select(o => new ResourceStatus(o.Object.Key, o.Object.Resource.ApiVersion, SyncStatus.Unknown, o.Health.Status, o.Health.Message))
                .ToList();
            return new ApplicationInspection(
                new ApplicationStatus(app.Name, load.Revision, SyncStatus.Unknown, HealthStatus.Unknown, load.Error!, resources, _time.GetUtcNow(), load.Error), []);
        }

        IReadOnlyList<ObjectComparison> compared;
        try
        {
            compared = await LiveComparer.CompareAsync(app.Name, load.State, filter, view, cancellationToken);
        }
        catch (Exception ex) when (ex is KubeApiException or HttpRequestException)
        {
            var message = $"Reading the cluster failed: {ex.Message}";
            return new ApplicationInspection(
                new ApplicationStatus(app.Name, load.Revision, SyncStatus.Unknown, HealthStatus.Unknown, message, [], _time.GetUtcNow(), message), []);
        }

        var health = HealthOrder.Worst(compared.Select(c => c.Health));
        var sync = compared.Any(c => c.Sync == SyncStatus.Unknown) ? SyncStatus.Unknown
            : compared.All(c => c.Sync == SyncStatus.Synced) ? SyncStatus.Synced
            : SyncStatus.OutOfSync;
        var error = load.State.HasErrors ? string.Join("; ", load.State.Objects.Select(o => o.Error).OfType<string>()) : null;
        var status = new ApplicationStatus(app.Name, load.Revision, sync, health.Status, health.Message,
            [.. compared.Select(c => c.ToStatus())], _time.GetUtcNow(), error);
        return new ApplicationInspection(status, [.. compared.Select(c => c.ToInspection())]);
    }

    /// <summary>
    /// The worst health of what the application owns in the cluster (workloads judged with their current pods),
    /// read without Git: what a run waits on after a sync. Missing when it owns nothing yet.
    /// </summary>
    public async Task<HealthResult> HealthAsync(Application app, CancellationToken cancellationToken = default)
    {
        Validate(app);
        var owned = await _comparer.OwnedHealthAsync(app.Name, cancellationToken);
        return owned.Count == 0
            ? new HealthResult(HealthStatus.Missing, "The application owns no objects in the cluster")
            : HealthOrder.Worst(owned.Select(o => o.Health.Status == HealthStatus.Healthy ? o.Health
                : o.Health with { Message = $"{o.Key.Kind} {o.Key.Name}: {o.Health.Message}" }));
    }

    /// <summary>
    /// Desired-vs-live per object against <paramref name="revision"/> (the branch's head when null): equal,
    /// modified (with the fields), missing, or extra.
    /// </summary>
    /// <exception cref="InvalidOperationException">Git's desired state could not be loaded (the message says why).</exception>
    public async Task<IReadOnlyList<ResourceDiff>> DiffAsync(Application app, string? revision = null, CancellationToken cancellationToken = default)
    {
        Validate(app);
        var load = await _desired.LoadAsync(app, revision ?? app.Branch, cancellationToken);
        if (load.State is null)
        {
            throw new InvalidOperationException(load.Error);
        }

        var compared = await _comparer.CompareAsync(app.Name, load.State, cancellationToken);
        return [.. compared.Select(c => c.Diff).OfType<ResourceDiff>()];
    }

    private static void Validate(Application app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (string.IsNullOrWhiteSpace(app.Name) || string.IsNullOrWhiteSpace(app.Namespace))
        {
            throw new ArgumentException("The application needs a name and a namespace to sync.", nameof(app));
        }
    }
}
