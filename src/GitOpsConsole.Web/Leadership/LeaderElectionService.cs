using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Web.Clusters;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Leadership;

/// <summary>
/// Competes for the <c>GitOps:LeaderElection</c> Lease with KubernetesClient's <see cref="LeaderElector"/> and
/// tells <see cref="LeaderGate"/> when this replica starts and stops leading. A leader that cannot renew within
/// RenewDeadline stops leading before its Lease (LeaseDuration) can pass to another replica, so two replicas
/// never run the engines at once. On a clean shutdown the Lease is handed back so the next leader need not wait.
/// </summary>
internal sealed partial class LeaderElectionService(
    IOptions<GitOpsOptions> options,
    ClusterConnection cluster,
    LeaderGate gate,
    ILogger<LeaderElectionService> logger) : BackgroundService
{
    private LeaseLock? _lease;

    public string LeaseNamespace { get; } = ResolveNamespace(options.Value.LeaderElection.LeaseNamespace);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.LeaderElection;
        if (!settings.Enabled)
        {
            return;
        }

        if (cluster.Client is not { } client)
        {
            LogNoCluster(logger, cluster.Description);
            return;
        }

        _lease = new LeaseLock(client, LeaseNamespace, settings.LeaseName, gate.Identity);
        using var elector = new LeaderElector(new LeaderElectionConfig(_lease)
        {
            LeaseDuration = settings.LeaseDuration,
            RenewDeadline = settings.RenewDeadline,
            RetryPeriod = settings.RetryPeriod,
        });
        elector.OnStartedLeading += () =>
        {
            LogLeading(logger, gate.Identity, LeaseNamespace, settings.LeaseName);
            gate.BeginTerm();
        };
        elector.OnStoppedLeading += () =>
        {
            if (gate.IsLeader)
            {
                LogStopped(logger, gate.Identity);
            }

            gate.EndTerm();
        };
        elector.OnNewLeader += leader =>
        {
            LogNewLeader(logger, leader ?? "(none)");
            gate.ObserveLeader(leader);
        };
        LogCompeting(logger, gate.Identity, LeaseNamespace, settings.LeaseName, cluster.Description);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await elector.RunUntilLeadershipLostAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The API server is unreachable or refused us (RBAC): keep trying; a follower loses nothing by waiting.
                gate.EndTerm();
                LogElectionFailed(logger, ex);
                await Task.Delay(settings.RetryPeriod, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var wasLeader = gate.IsLeader;
        await base.StopAsync(cancellationToken);
        if (wasLeader && _lease is not null)
        {
            await LeaseRelease.ReleaseAsync(_lease, gate.Identity, logger, cancellationToken);
        }
    }

    private static string ResolveNamespace(string? configured)
    {
        const string serviceAccountNamespace = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";
        return !string.IsNullOrWhiteSpace(configured) ? configured
            : Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } fromPod ? fromPod
            : File.Exists(serviceAccountNamespace) ? File.ReadAllText(serviceAccountNamespace).Trim()
            : "default";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Competing for the Lease {Namespace}/{Lease} as {Identity} on {Cluster}")]
    private static partial void LogCompeting(ILogger logger, string identity, string @namespace, string lease, string cluster);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} leads (Lease {Namespace}/{Lease}): engines, operator, drift watches and ingestion workers start here")]
    private static partial void LogLeading(ILogger logger, string identity, string @namespace, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} lost the leadership: engines, operator, drift watches and ingestion workers stop here")]
    private static partial void LogStopped(ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Information, Message = "The leader is {Leader}")]
    private static partial void LogNewLeader(ILogger logger, string leader);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader election failed; trying again")]
    private static partial void LogElectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Leader election is on but there is no cluster for its Lease ({Cluster}); this replica stays a follower")]
    private static partial void LogNoCluster(ILogger logger, string cluster);
}
