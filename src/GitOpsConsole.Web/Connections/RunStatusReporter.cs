using System.Collections.Concurrent;
using System.Threading.Channels;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Data.Runs;

namespace GitOpsConsole.Web.Connections;

/// <summary>
/// Reports every deployment run on its commit as the application's status host shows it (GitHub's statuses
/// on a GitHub repository): <c>pending</c> when the run starts, then <c>success</c>, <c>failure</c> or
/// <c>error</c> when it ends, each linking to the run's page. Pull-request runs set their own statuses. A run read
/// only once it has ended (it failed at once) gets its final status alone; no run gets its final status twice.
/// </summary>
internal sealed partial class RunStatusReporter(RunFeed feed, Leadership.LeaderGate gate, RunQuery runs, CommitStatusRouter statuses, RunLinks links, TimeProvider time, ILogger<RunStatusReporter> logger)
    : Leadership.LeaderBoundService(gate)
{
    private const int RememberedRuns = 10_000;
    private readonly ConcurrentDictionary<Guid, CommitState> _reported = new();

    // Only the leader reports: a follower's feed also carries the leader's changes (relayed from the store) for its views.
    protected override async Task RunAsLeaderAsync(CancellationToken stoppingToken)
    {
        var changed = Channel.CreateUnbounded<Guid>();
        using var subscription = feed.Subscribe(change => changed.Writer.TryWrite(change.RunId));
        await foreach (var runId in changed.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ReportAsync(runId, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A status host that is down must not stop the reports of other runs; the run itself is unaffected.
                LogReportFailed(logger, runId, ex);
            }
        }
    }

    private async Task ReportAsync(Guid runId, CancellationToken cancellationToken)
    {
        if (await runs.GetAsync(runId, cancellationToken) is not { Run: var run, Trigger: var trigger } || run.Application is not { } app
            || trigger?.Kind == TriggerKind.PullRequest || !statuses.Reports(app))
        {
            return;
        }

        var commit = run.CommitSha ?? run.DeployCommitSha;
        if (commit is null || StateOf(run) is not { } state || (_reported.TryGetValue(runId, out var last) && last == state))
        {
            return;
        }

        if (state != CommitState.Pending && _reported.Count >= RememberedRuns)
        {
            // Ended runs are remembered so a late change of one does not post its final status again; forget the
            // oldest reports in bulk rather than grow without bound (a change that old no longer arrives).
            _reported.Clear();
        }

        _reported[runId] = state;
        var description = state == CommitState.Pending ? $"{run.Engine} run deploying {app.Name} ({app.Environment})" : $"{run.Status}: {run.Reason}";
        await statuses.SetStatusAsync(app, commit,
            new CommitStatusReport(state, $"gitops-console/deploy/{app.Name}", description, time.GetUtcNow(), links.Run(run.Id)), cancellationToken);
    }

    private static CommitState? StateOf(Run run) => run.Status switch
    {
        RunStatus.Running or RunStatus.WaitingForInput => CommitState.Pending,
        RunStatus.Succeeded => CommitState.Success,
        RunStatus.Failed or RunStatus.RolledBack => CommitState.Failure,
        RunStatus.Escalated or RunStatus.Cancelled => CommitState.Error,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report run {RunId} as a commit status")]
    private static partial void LogReportFailed(ILogger logger, Guid runId, Exception exception);
}
