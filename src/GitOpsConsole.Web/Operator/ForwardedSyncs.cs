using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Web.Leadership;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Operator;

/// <summary>
/// Manual syncs across replicas. Only the leader runs the operator: a follower stores the request
/// (<see cref="RequestAsync"/>) and follows it in the store; the leader claims waiting requests every RetryPeriod,
/// runs each as the person who asked, and records how it ended.
/// </summary>
internal sealed partial class ForwardedSyncs(
    SyncRequests requests, ApplicationCatalog catalog, BackgroundSyncs syncs, LeaderGate gate, IOptions<GitOpsOptions> options,
    TimeProvider time, IHostApplicationLifetime lifetime, ILogger<ForwardedSyncs> logger) : LeaderBoundService(gate)
{
    // A follower stops following a request after this long; the sync itself goes on on the leader.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Look = TimeSpan.FromMilliseconds(500);

    /// <summary>True on a follower: a manual sync is asked of the leader instead of run here.</summary>
    public bool Forwards => Gate.Elected && !Gate.IsLeader;

    /// <summary>Stores the request; the task ends with the leader's result (null when it could not run or was not seen in time).</summary>
    public async Task<Task<SyncResult?>> RequestAsync(Application app, string? revision, string initiatedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var request = await requests.AddAsync(app.Id, revision, initiatedBy, cancellationToken);
        return FollowAsync(app, request);
    }

    private async Task<SyncResult?> FollowAsync(Application app, SyncRequest request)
    {
        var stopping = lifetime.ApplicationStopping;
        var deadline = time.GetUtcNow() + Patience;
        try
        {
            while (time.GetUtcNow() < deadline)
            {
                await Task.Delay(Look, time, stopping);
                if (await requests.GetAsync(request.Id, stopping) is { FinishedAt: { } finished } done)
                {
                    return new SyncResult(app.Name, request.Revision, done.Succeeded == true ? SyncPhase.Succeeded : SyncPhase.Failed,
                        done.Message ?? "", done.StartedAt ?? finished, finished, []);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // This replica stops; the leader still runs the sync.
        }
        catch (Exception ex)
        {
            LogFollowFailed(logger, app.Name, ex);
        }

        return null;
    }

    protected override async Task RunAsLeaderAsync(CancellationToken term)
    {
        if (!Gate.Elected)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.LeaderElection.RetryPeriod, time);
        do
        {
            try
            {
                var claimed = await requests.ClaimAsync(term);
                if (claimed.Count > 0)
                {
                    // One catalog read per round, not one per request.
                    var apps = (await catalog.ListAsync(term)).ToDictionary(a => a.Id);
                    foreach (var request in claimed)
                    {
                        Run(request, apps.GetValueOrDefault(request.ApplicationId));
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogClaimFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(term));
    }

    private void Run(SyncRequest request, Application? app) => _ = Task.Run(async () =>
    {
        try
        {
            if (app is null)
            {
                await requests.FinishAsync(request.Id, false, "The application no longer exists.", CancellationToken.None);
                return;
            }

            LogForwarded(logger, app.Name, request.InitiatedBy);
            var result = await syncs.Start(app, request.Revision, request.InitiatedBy);
            await requests.FinishAsync(request.Id, result?.Succeeded == true, result?.Message ?? "The sync could not run on the leader (see its log).", CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Claimed but not finished: the follower stops waiting after its patience and says it could not follow.
            LogRunFailed(logger, request.Id, ex);
        }
    }, CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Information, Message = "Running the sync of {Application} that {InitiatedBy} asked for on another replica")]
    private static partial void LogForwarded(ILogger logger, string application, string initiatedBy);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sync request {RequestId} from another replica could not be run")]
    private static partial void LogRunFailed(ILogger logger, Guid requestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for syncs asked on other replicas failed; trying again")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following the leader's sync of {Application} failed")]
    private static partial void LogFollowFailed(ILogger logger, string application, Exception exception);
}
