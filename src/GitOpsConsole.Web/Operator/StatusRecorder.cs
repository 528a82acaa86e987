using System.Threading.Channels;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Web.Leadership;

namespace GitOpsConsole.Web.Operator;

/// <summary>
/// While this replica leads, stores each application's status change (the feed publishes changes only), so that a
/// follower's pages show sync and health too. A burst of changes is one write with the newest status per application;
/// a failed write is tried again with whatever changed meanwhile.
/// </summary>
internal sealed partial class StatusRecorder(ApplicationStatusFeed feed, StatusSnapshots snapshots, LeaderGate gate, TimeProvider time, ILogger<StatusRecorder> logger)
    : LeaderBoundService(gate)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task RunAsLeaderAsync(CancellationToken term)
    {
        var changes = Channel.CreateUnbounded<ApplicationStatus>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = feed.Subscribe(status => changes.Writer.TryWrite(status));
        // Each term starts by storing what this replica knows, so nothing published before the subscription is missed.
        var pending = feed.Latest.Values.ToDictionary(s => s.Application, StringComparer.Ordinal);
        while (true)
        {
            // Waits for a change unless a failed write still holds some.
            if (pending.Count == 0)
            {
                await changes.Reader.WaitToReadAsync(term);
            }

            while (changes.Reader.TryRead(out var status))
            {
                pending[status.Application] = status;
            }

            try
            {
                await snapshots.SaveAsync(pending.Values, term);
                pending.Clear();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, pending.Count, ex);
                await Task.Delay(RetryAfter, time, term);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} application status(es) for the other replicas failed; trying again")]
    private static partial void LogFailed(ILogger logger, int count, Exception exception);
}
