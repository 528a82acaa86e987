using System.Collections.Concurrent;
using System.Threading.Channels;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Integrations.ArgoCd;
using GitOpsConsole.Web.Connections;
using GitOpsConsole.Web.Leadership;
using GitOpsConsole.Web.Operator;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Drift;

/// <summary>
/// Reads Argo CD's diff of every <c>Operator: ArgoCd</c> application (its managed resources) each
/// <c>GitOps:ArgoCd:DriftRefreshInterval</c>, after a sync through Argo CD and after an ignore rule, and pushes it:
/// the status to the status feed, the differences as drift findings, and a notice on the drift feed. Runs on the
/// leader, as drift detection does; an Argo CD that refuses or fails becomes the view's error, never an exception.
/// </summary>
internal sealed partial class ArgoCdDriftRefresher(
    ApplicationCatalog catalog,
    ArgoCdConnection argo,
    DriftIgnoreRules ignoreRules,
    DriftStore drift,
    DriftFeed feed,
    ApplicationStatusFeed statuses,
    IOptions<GitOpsOptions> options,
    TimeProvider time,
    LeaderGate gate,
    ILogger<ArgoCdDriftRefresher> logger) : LeaderBoundService(gate)
{
    private readonly ConcurrentDictionary<string, ArgoCdDriftView> _latest = new(StringComparer.Ordinal);
    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>();

    /// <summary>The newest reading of the application; null before the first (or for an embedded application).</summary>
    public ArgoCdDriftView? Latest(string application) => _latest.GetValueOrDefault(application);

    /// <summary>Reads the application again soon (its findings or Argo CD's state changed).</summary>
    public void Request(string application) => _requests.Writer.TryWrite(application);

    protected override async Task RunAsLeaderAsync(CancellationToken term)
    {
        if (!(await ArgoAppsAsync(term)).Any())
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ArgoCd.DriftRefreshInterval, time);
        var tick = Task.CompletedTask;
        var request = _requests.Reader.WaitToReadAsync(term).AsTask();
        while (!term.IsCancellationRequested)
        {
            if (await Task.WhenAny(request, tick) == request)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                while (_requests.Reader.TryRead(out var name))
                {
                    names.Add(name);
                }

                foreach (var app in (await ArgoAppsAsync(term)).Where(a => names.Contains(a.Name)))
                {
                    await RefreshAsync(app, term);
                }

                request = _requests.Reader.WaitToReadAsync(term).AsTask();
                continue;
            }

            foreach (var app in await ArgoAppsAsync(term))
            {
                await RefreshAsync(app, term);
            }

            tick = timer.WaitForNextTickAsync(term).AsTask();
        }
    }

    /// <summary>
    /// Reads the application from Argo CD now and publishes what changed. Findings are reconciled only on the leader
    /// (the API may ask on any replica); the reading itself is returned either way.
    /// </summary>
    public async Task<ArgoCdDriftView> RefreshAsync(Application app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var name = argo.NameOf(app);
        ArgoCdDriftView view;
        try
        {
            var filter = new DriftFilter(await ignoreRules.ForAsync(app.Name, cancellationToken));
            var inspection = await argo.Operator.InspectAsync(app, filter, cancellationToken);
            view = new ArgoCdDriftView(app.Name, name, inspection, null, time.GetUtcNow());
        }
        catch (Exception ex) when (ArgoCdFailures.IsReadFailure(ex, cancellationToken))
        {
            // A refusal already says what Argo CD answered and what to fix; a network failure needs the address it tried.
            var error = ex is HttpRequestException ? $"Argo CD at {options.Value.ArgoCd.ServerUrl} could not be reached: {ex.Message}" : ex.Message;
            LogReadFailed(logger, app.Name, name, error);
            view = new ArgoCdDriftView(app.Name, name, null, error, time.GetUtcNow());
        }

        await RecordAsync(view, cancellationToken);
        return view;
    }

    private async Task RecordAsync(ArgoCdDriftView view, CancellationToken cancellationToken)
    {
        var previous = _latest.GetValueOrDefault(view.Application);
        _latest[view.Application] = view;
        statuses.Publish(view.Inspection?.Inspection.Status
            ?? new ApplicationStatus(view.Application, null, SyncStatus.Unknown, HealthStatus.Unknown, "", [], view.ObservedAt, $"Argo CD: {view.Error}"));
        if (view.Inspection is { } read && Gate.IsLeader)
        {
            await drift.ReconcileAsync(view.Application, DriftObservation.From(read.Inspection), finding =>
                read.LastSyncFinishedAt > finding.DetectedAt ? (DriftResolution.Sync, "argocd") : (DriftResolution.Converged, "argocd"), cancellationToken);
        }

        if (previous?.Fingerprint != view.Fingerprint)
        {
            feed.Publish(new DriftChange(view.Application, 0, 0, 0));
        }
    }

    private async Task<IEnumerable<Application>> ArgoAppsAsync(CancellationToken cancellationToken) =>
        (await catalog.ListAsync(cancellationToken)).Where(a => a.Operator == OperatorKind.ArgoCd);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading {Application} (Argo CD application {ArgoApplication}) from Argo CD failed: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string application, string argoApplication, string reason);
}
