using System.Collections.Concurrent;
using System.Threading.Channels;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Workflow;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Web.Agent;
using GitOpsConsole.Web.Leadership;
using GitOpsConsole.Web.Operator;

namespace GitOpsConsole.Web.Runs;

/// <summary>
/// Turns accepted events into runs and runs them: one at a time per application, in order, each on its own
/// worker. Runs that were running when the console stopped are resumed first; a cancel reaches a queued run
/// in the store and a running one through its token. Runs only on the leader (<see cref="LeaderGate"/>): a
/// follower still queues runs in the store for the events it accepts, and the leader picks them up
/// (<see cref="PendingRunSweep"/>); when leadership ends, running runs stop as at shutdown and the next leader resumes them.
/// </summary>
internal sealed partial class RunDispatcher(
    EventFeed events,
    ApplicationCatalog catalog,
    RunStore store,
    RunAdmission admission,
    WorkflowEngine workflow,
    AgentRunner agent,
    IQuestionService questions,
    OperatorService cluster,
    LeaderGate gate,
    PendingRunSweep pending,
    ILogger<RunDispatcher> logger) : LeaderBoundService(gate)
{
    private readonly Channel<TriggerEvent> _accepted = Channel.CreateUnbounded<TriggerEvent>();
    private readonly ConcurrentDictionary<int, Channel<bool>> _workers = new();
    private readonly ConcurrentDictionary<Guid, ActiveRun> _running = new();
    private readonly ConcurrentDictionary<int, Task> _workerTasks = new();
    private readonly SemaphoreSlim _enqueue = new(1, 1);
    private CancellationToken _stopping;

    /// <summary>
    /// Queues the run for an accepted event (for callers that answer with its id), or returns the run it already
    /// has; null when no run is due. Serialized, so the API and the event feed never queue one event twice.
    /// </summary>
    public async Task<Run?> EnqueueAsync(TriggerEvent trigger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        await _enqueue.WaitAsync(cancellationToken);
        try
        {
            if (await admission.ExistingRunAsync(trigger.Id, cancellationToken) is { } existing)
            {
                return existing;
            }

            var app = trigger.ApplicationName is { } name ? await catalog.FindAsync(name, cancellationToken) : null;
            var verdict = !cluster.IsAvailable ? RunVerdict.No("there is no cluster to deploy to (the sandbox is off or failed to start)")
                : app is null ? RunVerdict.No($"no application named '{trigger.ApplicationName}'") : await admission.DecideAsync(trigger, app, cancellationToken);
            if (!verdict.Admitted)
            {
                LogNoRun(logger, trigger.Id, trigger.ApplicationName, verdict.Reason);
                return null;
            }

            var run = await store.QueueAsync(trigger, app!, verdict.Engine, cancellationToken);
            Signal(app!.Id);
            return run;
        }
        finally
        {
            _enqueue.Release();
        }
    }

    /// <summary>
    /// Cancels a queued or running run; false when it is neither. On a follower, a run the leader executes gets a
    /// stored request that the leader acts on within a RetryPeriod.
    /// </summary>
    public async Task<bool> CancelAsync(Guid runId, string user, CancellationToken cancellationToken = default)
    {
        if (await store.CancelQueuedAsync(runId, $"Cancelled by {user} before it started", cancellationToken))
        {
            return true;
        }

        if (await CancelRunningAsync(runId, user))
        {
            return true;
        }

        return Gate.Elected && !Gate.IsLeader && await store.RequestCancelAsync(runId, user, cancellationToken);
    }

    /// <summary>Cancels a run this replica executes; false when it executes no such run.</summary>
    internal async Task<bool> CancelRunningAsync(Guid runId, string user)
    {
        if (!_running.TryGetValue(runId, out var active))
        {
            return false;
        }

        active.CancelledBy ??= user;
        await active.Cancel.CancelAsync();
        return true;
    }

    protected override async Task RunAsLeaderAsync(CancellationToken stoppingToken)
    {
        // The previous term's workers (if this replica led before) have recorded where their runs stopped.
        await Task.WhenAll(_workerTasks.Values);
        _workers.Clear();
        _workerTasks.Clear();
        _stopping = stoppingToken;
        if (!cluster.IsAvailable)
        {
            LogNoCluster(logger);
            return;
        }

        using var subscription = events.Subscribe(e =>
        {
            if (e is { Decision: EventDecision.Accepted, ApplicationName: not null })
            {
                _accepted.Writer.TryWrite(e);
            }
        });

        foreach (var applicationId in await store.ApplicationsWithActiveRunsAsync(stoppingToken))
        {
            Signal(applicationId);
        }

        if (Gate.Elected)
        {
            _ = Task.Run(() => pending.RunAsync(this, stoppingToken), stoppingToken);
        }

        await foreach (var trigger in _accepted.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await EnqueueAsync(trigger, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogEnqueueFailed(logger, trigger.Id, ex);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Workers record where their runs stopped before the store goes away with the host.
        await Task.WhenAll(_workerTasks.Values).WaitAsync(cancellationToken);
    }

    /// <summary>Wakes the application's worker (starting one if needed); a follower only queues, the leader runs.</summary>
    internal void Signal(int applicationId)
    {
        if (!Gate.IsLeader || _stopping.IsCancellationRequested)
        {
            return;
        }

        var created = false;
        var signals = _workers.GetOrAdd(applicationId, _ =>
        {
            created = true;
            return Channel.CreateUnbounded<bool>();
        });
        signals.Writer.TryWrite(true);
        if (created)
        {
            _workerTasks[applicationId] = Task.Run(() => WorkAsync(applicationId, signals.Reader));
        }
    }

    private async Task WorkAsync(int applicationId, ChannelReader<bool> signals)
    {
        try
        {
            await foreach (var _ in signals.ReadAllAsync(_stopping))
            {
                while (!_stopping.IsCancellationRequested && await store.NextAsync(applicationId, _stopping) is { } run)
                {
                    await ExecuteRunAsync(run);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogWorkerFailed(logger, applicationId, ex);
            _workers.TryRemove(applicationId, out _);
        }
    }

    private async Task ExecuteRunAsync(Run run)
    {
        var app = (await catalog.ListAsync(_stopping)).First(a => a.Id == run.ApplicationId);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        var active = new ActiveRun(cancel);
        _running[run.Id] = active;
        try
        {
            await store.StartAsync(run.Id, _stopping);
            var outcome = run.TriggerEvent is null
                ? Core.Runs.RunOutcome.Failed("The event that triggered this run no longer exists.")
                : run.Engine == DeploymentEngine.Agent ? await agent.RunAsync(run, app, run.TriggerEvent, store, cancel.Token)
                : await workflow.RunAsync(run, app, run.TriggerEvent, store, cancel.Token);
            await store.FinishAsync(run.Id, outcome.Status, outcome.Reason, CancellationToken.None);
            LogFinished(logger, run.Id, app.Name, outcome.Status, outcome.Reason);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The console is stopping: the run stays Running and resumes at the next start.
            LogInterrupted(logger, run.Id, app.Name);
        }
        catch (OperationCanceledException) when (active.CancelledBy is not null)
        {
            // A cancelled run no longer waits for anyone: its open questions are withdrawn and answers to them get a 409.
            await questions.WithdrawAsync(run.Id, CancellationToken.None);
            await store.FinishAsync(run.Id, RunStatus.Cancelled, $"Cancelled by {active.CancelledBy}", CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogRunCrashed(logger, run.Id, ex);
            await questions.WithdrawAsync(run.Id, CancellationToken.None);
            await store.FinishAsync(run.Id, RunStatus.Failed, $"The engine stopped with an error: {ex.Message}", CancellationToken.None);
        }
        finally
        {
            _running.TryRemove(run.Id, out _);
        }
    }

    private sealed class ActiveRun(CancellationTokenSource cancel)
    {
        public CancellationTokenSource Cancel { get; } = cancel;

        public string? CancelledBy { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Runs are off: no cluster to deploy to (the sandbox is off or failed to start)")]
    private static partial void LogNoCluster(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "No run for event {EventId} ({Application}): {Reason}")]
    private static partial void LogNoRun(ILogger logger, Guid eventId, string? application, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue a run for event {EventId}")]
    private static partial void LogEnqueueFailed(ILogger logger, Guid eventId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The run worker of application {ApplicationId} stopped")]
    private static partial void LogWorkerFailed(ILogger logger, int applicationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of {Application} ended {Status}: {Reason}")]
    private static partial void LogFinished(ILogger logger, Guid runId, string application, RunStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of {Application} interrupted by shutdown; it resumes at the next start")]
    private static partial void LogInterrupted(ILogger logger, Guid runId, string application);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} crashed")]
    private static partial void LogRunCrashed(ILogger logger, Guid runId, Exception exception);
}
