using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Data.Runs;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Runs;

/// <summary>
/// What the leader does for the other replicas, whose in-process feeds it cannot hear: every RetryPeriod it
/// queues runs for accepted events that a follower persisted without one (a webhook, a poll), and wakes the
/// workers of applications with queued runs (a follower's <c>POST /api/events</c> queues in the store), and cancels
/// the runs a follower was asked to cancel. An event that gets no run is decided once per term, not again at every
/// round.
/// </summary>
internal sealed partial class PendingRunSweep(
    PendingEvents events,
    RunStore runs,
    IOptions<GitOpsOptions> options,
    TimeProvider time,
    ILogger<PendingRunSweep> logger)
{
    public async Task RunAsync(RunDispatcher dispatcher, CancellationToken term)
    {
        var settings = options.Value.LeaderElection;
        var decided = new HashSet<Guid>();
        using var timer = new PeriodicTimer(settings.RetryPeriod, time);
        while (!term.IsCancellationRequested)
        {
            try
            {
                var since = time.GetUtcNow() - settings.PendingEventWindow;
                foreach (var trigger in await events.AcceptedWithoutRunAsync(since, term))
                {
                    if (decided.Add(trigger.Id) && await dispatcher.EnqueueAsync(trigger, term) is not null)
                    {
                        LogPickedUp(logger, trigger.Id, trigger.ApplicationName);
                    }
                }

                foreach (var applicationId in await runs.ApplicationsWithActiveRunsAsync(term))
                {
                    dispatcher.Signal(applicationId);
                }

                foreach (var (runId, user) in await runs.CancelRequestsAsync(term))
                {
                    await dispatcher.CancelRunningAsync(runId, user);
                }

                await timer.WaitForNextTickAsync(term);
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRoundFailed(logger, ex);
                await Task.Delay(settings.RetryPeriod, time, term).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Picked up event {EventId} ({Application}) that another replica accepted")]
    private static partial void LogPickedUp(ILogger logger, Guid eventId, string? application);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for events other replicas accepted failed; trying again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
