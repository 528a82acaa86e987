namespace GitOpsConsole.Data.Relay;

/// <summary>
/// Turns rows another replica wrote into the notices a feed carries, for a replica whose own writers are idle (a
/// follower). <see cref="PrimeAsync"/> notes where the store stands without publishing (a feed that keeps the latest
/// state, like the statuses, is filled instead); each <see cref="PollAsync"/> publishes what changed since.
/// </summary>
public interface IFeedRelay
{
    Task PrimeAsync(GitOpsDbContext db, CancellationToken cancellationToken);

    Task PollAsync(GitOpsDbContext db, CancellationToken cancellationToken);
}
