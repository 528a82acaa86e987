using GitOpsConsole.Data.Operator;

namespace GitOpsConsole.Data.Relay;

/// <summary>
/// The leader's sync and health of each application, from the snapshots its recorder stores. The status feed keeps
/// each application's latest status for the pages, so priming fills it with every stored one; polls publish changes.
/// </summary>
public sealed class StatusRelay(ApplicationStatusFeed feed) : IFeedRelay
{
    private long _version;

    public Task PrimeAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        _version = 0;
        return PollAsync(db, cancellationToken);
    }

    public async Task PollAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        var (statuses, version) = await StatusSnapshots.ChangedSinceAsync(db, _version, cancellationToken);
        foreach (var status in statuses)
        {
            feed.Publish(status);
        }

        _version = version;
    }
}
