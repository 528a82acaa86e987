namespace GitOpsConsole.Web.Leadership;

/// <summary>
/// A hosted service whose work runs only while this replica leads: <see cref="RunAsLeaderAsync"/> starts with
/// each term and its token is cancelled when the term ends (or the host stops). Work that returns early (nothing
/// to do) is not started again until the next term.
/// </summary>
internal abstract class LeaderBoundService(LeaderGate gate) : BackgroundService
{
    protected LeaderGate Gate { get; } = gate;

    protected abstract Task RunAsLeaderAsync(CancellationToken term);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            CancellationToken term;
            try
            {
                term = await Gate.WaitForTermAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term);
            try
            {
                await RunAsLeaderAsync(leading.Token);
            }
            catch (OperationCanceledException) when (leading.IsCancellationRequested)
            {
                // The term ended or the host stops; the work recorded where it was.
            }

            await Task.Delay(Timeout.Infinite, leading.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
