using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Web.Operator;

/// <summary>
/// Runs syncs people ask for (API, Drift page) after their request has been answered: the sync may take
/// seconds, the answer (202) must not. It goes through the application's operator (the embedded one, or Argo CD
/// for <c>Operator: ArgoCd</c>), so it is audited, kept in the history and resolves findings like any other; it
/// stops with the console.
/// </summary>
internal sealed partial class BackgroundSyncs(Core.Toolbox.IOperatorTool operatorService, IHostApplicationLifetime lifetime, ILogger<BackgroundSyncs> logger)
{
    /// <summary>Starts the sync; the task ends with its result (null when it could not run), never with an exception.</summary>
    public Task<SyncResult?> Start(Application app, string? revision, string initiatedBy)
    {
        var stopping = lifetime.ApplicationStopping;
        return Task.Run(async () =>
        {
            try
            {
                return await operatorService.SyncAsync(app, revision, initiatedBy, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The console is stopping; the next start compares everything anyway.
            }
            catch (Exception ex)
            {
                LogSyncFailed(logger, app.Name, initiatedBy, ex);
            }

            return null;
        }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {Application} asked by {InitiatedBy} failed")]
    private static partial void LogSyncFailed(ILogger logger, string application, string initiatedBy, Exception exception);
}
