using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Web.Leadership;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Ingestion;

/// <summary>
/// Runs <see cref="GitPoller"/> at start (the baseline) and then every <c>GitOps:Ingestion:PollInterval</c>, for
/// repositories that send the console no webhook. Zero turns it off.
/// </summary>
internal sealed partial class GitPollingService(
    IOptions<GitOpsOptions> options, GitPoller poller, TimeProvider time, ILogger<GitPollingService> logger, LeaderGate gate) : LeaderBoundService(gate)
{
    protected override async Task RunAsLeaderAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var interval = settings.Ingestion.PollInterval;
        var polled = GitPoller.Polled(settings.Applications).Count();
        if (interval == TimeSpan.Zero || polled == 0)
        {
            return;
        }

        LogStarted(logger, interval, polled);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await poller.PollAsync(settings.Applications, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed round (the database, a bug) is logged; polling carries on at the next tick.
                LogRoundFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling Git every {Interval} for {Count} application(s) outside the sandbox")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Git polling round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
