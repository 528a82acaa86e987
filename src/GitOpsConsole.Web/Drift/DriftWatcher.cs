using System.Collections.Concurrent;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Integrations.Operator;
using GitOpsConsole.Web.Clusters;
using GitOpsConsole.Web.Leadership;
using GitOpsConsole.Web.Operator;

namespace GitOpsConsole.Web.Drift;

/// <summary>
/// Watches the kinds the applications own (the common ones from the start, others as comparisons find them)
/// and asks for a comparison of the application whose object changed, so a live edit becomes a finding (and,
/// with self-heal, is undone) in well under a second instead of at the next refresh.
/// </summary>
internal sealed partial class DriftWatcher(
    ClusterConnection cluster,
    OperatorService operatorService,
    ApplicationStatusFeed statuses,
    InspectionQueue queue,
    LeaderGate gate,
    ILogger<DriftWatcher> logger) : LeaderBoundService(gate)
{
    // deploy/10-rbac.yaml grants the operator these kinds; a test keeps the two in step.
    internal static readonly (string ApiVersion, string Kind)[] CommonKinds =
        [("apps/v1", "Deployment"), ("v1", "Service"), ("v1", "ConfigMap"), ("v1", "ServiceAccount"), ("v1", "Secret"),
         ("apps/v1", "StatefulSet"), ("apps/v1", "DaemonSet"), ("networking.k8s.io/v1", "Ingress")];

    private readonly ConcurrentDictionary<string, Task> _watches = new(StringComparer.Ordinal);

    protected override Task RunAsLeaderAsync(CancellationToken stoppingToken)
    {
        if (!operatorService.IsAvailable || cluster.Client is null)
        {
            return Task.CompletedTask;
        }

        // A new term watches afresh: the previous term's watches ended with it.
        _watches.Clear();
        var watch = new OwnedObjectWatch(cluster.Client);
        foreach (var (apiVersion, kind) in CommonKinds)
        {
            Start(watch, apiVersion, kind, stoppingToken);
        }

        // Kinds an application owns beyond the common ones (its CRDs' kinds, PodDisruptionBudgets…) are watched once seen.
        var subscription = statuses.Subscribe(status =>
        {
            foreach (var resource in status.Resources.DistinctBy(r => (r.ApiVersion, r.Resource.Kind)))
            {
                Start(watch, resource.ApiVersion, resource.Resource.Kind, stoppingToken);
            }
        });
        stoppingToken.Register(subscription.Dispose);
        return Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => Task.WhenAll(_watches.Values), TaskScheduler.Default).Unwrap();
    }

    private void Start(OwnedObjectWatch watch, string apiVersion, string kind, CancellationToken stoppingToken)
    {
        if (apiVersion.Length == 0 || kind is "Namespace")
        {
            return;
        }

        _watches.GetOrAdd($"{apiVersion}/{kind}", _ => Task.Run(() => KeepWatchingAsync(watch, apiVersion, kind, stoppingToken), stoppingToken));
    }

    private async Task KeepWatchingAsync(OwnedObjectWatch watch, string apiVersion, string kind, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await watch.RunAsync(apiVersion, kind, change => queue.Request(change.Application, stoppingToken), onStarted: null, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWatchFailed(logger, apiVersion, kind, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching {ApiVersion} {Kind} failed; watching again")]
    private static partial void LogWatchFailed(ILogger logger, string apiVersion, string kind, Exception exception);
}
