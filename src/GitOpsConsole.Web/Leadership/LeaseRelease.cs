using k8s.LeaderElection;

namespace GitOpsConsole.Web.Leadership;

internal static partial class LeaseRelease
{
    /// <summary>
    /// Empties the holder of a Lease this replica still holds (as client-go's ReleaseOnCancel does), so a
    /// follower takes over at its next retry instead of after LeaseDuration. The holder is "" rather than
    /// absent: KubernetesClient's elector treats an absent holder as "no Lease yet" and would try to create it.
    /// </summary>
    public static async Task ReleaseAsync(ILock lease, string identity, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var current = await lease.GetAsync(cancellationToken);
            if (current.HolderIdentity != identity)
            {
                return;
            }

            var now = DateTime.UtcNow;
            await lease.UpdateAsync(new LeaderElectionRecord
            {
                HolderIdentity = "",
                LeaseDurationSeconds = 1,
                AcquireTime = now,
                RenewTime = now,
                LeaderTransitions = current.LeaderTransitions,
            }, cancellationToken);
            LogReleased(logger, identity);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The Lease then simply expires.
            LogReleaseFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} handed the Lease back on shutdown")]
    private static partial void LogReleased(ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand the Lease back; it expires after its duration")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
