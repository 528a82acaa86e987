namespace GitOpsConsole.Web.Health;

/// <summary>Re-checks readiness in the background so the app bar indicator stays current without pages polling.</summary>
internal sealed partial class ReadinessMonitor(ReadinessProbe probe, TimeProvider time, ILogger<ReadinessMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await probe.CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCheckFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Readiness check failed to run")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
