namespace GitOpsConsole.Web.Scenarios;

/// <summary>
/// Deletes the sandbox worlds of twins retired at start (<see cref="TwinCleanup.PrepareAsync"/> ran with the store's
/// preparation). Registered after the sandbox's hosted service, which has started the sandbox by then.
/// </summary>
internal sealed partial class TwinWorldsAtStart(TwinCleanup cleanup, ILogger<TwinWorldsAtStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await cleanup.DeleteRetiredWorldsAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting the worlds of retired scenario twins failed; the next lab run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
