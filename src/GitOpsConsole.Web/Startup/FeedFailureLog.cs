using GitOpsConsole.Core;

namespace GitOpsConsole.Web.Startup;

/// <summary>
/// Logs the live-feed subscribers that threw (the feed skips them so the writer goes on). Listens while this console
/// runs; several consoles in one process (tests) each log only while they run.
/// </summary>
internal sealed partial class FeedFailureLog(ILogger<FeedFailureLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LiveFeeds.SubscriberFailed += OnFailed;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LiveFeeds.SubscriberFailed -= OnFailed;
        return Task.CompletedTask;
    }

    private void OnFailed(string feed, Exception exception) => LogFailed(logger, feed, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber of {Feed} failed and was skipped; the change it was told of is stored")]
    private static partial void LogFailed(ILogger logger, string feed, Exception exception);
}
