using GitOpsConsole.Data;
using GitOpsConsole.Data.Relay;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Web.Leadership;

/// <summary>
/// While this replica follows, the leader's engines, operator and drift watches write to the shared store but publish
/// to the leader's in-process feeds only. This relay looks at the store every second (a cheap change cursor per feed,
/// not a page poll) and publishes what changed into this replica's feeds, so its pages update by push as on the
/// leader. It starts over from where the store stands at each follower stretch and is idle while this replica leads.
/// </summary>
internal sealed partial class FollowerRelay(
    LeaderGate gate, IEnumerable<IFeedRelay> relays, IDbContextFactory<GitOpsDbContext> dbFactory, TimeProvider time, ILogger<FollowerRelay> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!gate.Elected)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (gate.IsLeader)
            {
                await LeadershipChangeAsync(stoppingToken);
                continue;
            }

            await RelayWhileFollowingAsync(stoppingToken);
        }
    }

    private async Task RelayWhileFollowingAsync(CancellationToken stoppingToken)
    {
        if (!await TryAsync(relay => relay.PrimeAsync, stoppingToken))
        {
            await Task.Delay(Interval, time, stoppingToken);
            return;
        }

        LogFollowing(logger);
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken) && !gate.IsLeader)
        {
            await TryAsync(relay => relay.PollAsync, stoppingToken);
        }
    }

    // One short-lived context per look; a failed look (the store busy or away) is logged and the next tick tries again.
    private async Task<bool> TryAsync(Func<IFeedRelay, Func<GitOpsDbContext, CancellationToken, Task>> step, CancellationToken stoppingToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
            foreach (var relay in relays)
            {
                await step(relay)(db, stoppingToken);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            return false;
        }
    }

    private async Task LeadershipChangeAsync(CancellationToken stoppingToken)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = gate.Changes.Subscribe(_ => changed.TrySetResult());
        if (gate.IsLeader)
        {
            await changed.Task.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Following: relaying the leader's changes from the store to this replica's live views")]
    private static partial void LogFollowing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying the leader's changes failed; the next look tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
