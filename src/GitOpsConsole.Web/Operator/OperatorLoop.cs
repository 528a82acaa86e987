using System.Threading.Channels;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Web.Leadership;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Operator;

/// <summary>
/// The embedded operator at work: syncs each automated application at start and right after a push to its
/// branch (no polling delay), compares every application in full each <c>GitOps:Operator:RefreshInterval</c>,
/// and self-heals: an application with self-heal that any comparison (the drift watcher's included) finds
/// OutOfSync is synced back to Git at once, then with back-off while the drift keeps returning.
/// </summary>
internal sealed partial class OperatorLoop(
    OperatorService embedded,
    ApplicationCatalog catalog,
    EventFeed events,
    ApplicationStatusFeed statuses,
    IOptions<GitOpsOptions> options,
    TimeProvider time,
    ILoggerFactory loggers,
    LeaderGate gate) : LeaderBoundService(gate)
{
    private readonly Channel<string> _syncRequests = Channel.CreateUnbounded<string>();
    private readonly SelfHealBackoff _backoff = new(time);
    private readonly ILogger _logger = loggers.CreateLogger<OperatorLoop>();
    private readonly HashSet<string> _healing = new(StringComparer.Ordinal);

    private CancellationToken _stopping = CancellationToken.None;

    protected override async Task RunAsLeaderAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        if (!embedded.IsAvailable)
        {
            LogNoCluster(_logger);
            return;
        }

        using var subscription = events.Subscribe(recorded =>
        {
            if (recorded is { Decision: EventDecision.Accepted, Kind: TriggerKind.Push or TriggerKind.Poll, ApplicationName: { } name })
            {
                _syncRequests.Writer.TryWrite(name);
            }
        });
        using var healing = statuses.Subscribe(status => _ = ConsiderHealingAsync(status.Application, status.Sync, stoppingToken));

        // Applications with Operator: ArgoCd are Argo CD's to apply; the embedded operator leaves them alone.
        foreach (var app in (await catalog.ListAsync(stoppingToken)).Where(a => a is { AutomatedSync: true, Operator: OperatorKind.Embedded }))
        {
            _syncRequests.Writer.TryWrite(app.Name);
        }

        var interval = options.Value.Operator.RefreshInterval;
        using var timer = interval > TimeSpan.Zero ? new PeriodicTimer(interval, time) : null;
        var tick = timer is null ? Task.Delay(Timeout.Infinite, stoppingToken) : timer.WaitForNextTickAsync(stoppingToken).AsTask();
        var request = _syncRequests.Reader.WaitToReadAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            var woke = await Task.WhenAny(request, tick);
            if (woke == request)
            {
                // Several pushes to one application while a sync ran collapse into one more sync.
                var names = new HashSet<string>(StringComparer.Ordinal);
                while (_syncRequests.Reader.TryRead(out var name))
                {
                    names.Add(name);
                }

                foreach (var name in names)
                {
                    await SyncAsync(name, stoppingToken);
                }

                request = _syncRequests.Reader.WaitToReadAsync(stoppingToken).AsTask();
            }
            else
            {
                await RefreshAsync(stoppingToken);
                tick = timer!.WaitForNextTickAsync(stoppingToken).AsTask();
            }
        }
    }

    private async Task SyncAsync(string name, CancellationToken cancellationToken)
    {
        var app = (await catalog.ListAsync(cancellationToken)).FirstOrDefault(a => a.Name == name);
        bool heal;
        lock (_healing)
        {
            heal = _healing.Remove(name);
        }

        if (app is not { AutomatedSync: true, Operator: OperatorKind.Embedded })
        {
            return;
        }

        try
        {
            await embedded.SyncAsync(app, revision: null, heal ? OperatorInitiators.SelfHeal : OperatorInitiators.Automated, cancellationToken);
            if (heal && statuses.Latest.GetValueOrDefault(name) is { Sync: SyncStatus.OutOfSync })
            {
                // The heal did not take (another writer won again); the status did not change, so nothing else will ask.
                _ = ConsiderHealingAsync(name, SyncStatus.OutOfSync, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSyncFailed(_logger, app.Name, ex);
        }
    }

    /// <summary>
    /// Called for every status change: OutOfSync with self-heal on heals now or, inside the back-off, checks
    /// again when the back-off ends (the drift may be gone by then); Synced resets the back-off.
    /// </summary>
    private async Task ConsiderHealingAsync(string name, SyncStatus sync, CancellationToken cancellationToken)
    {
        try
        {
            if (sync == SyncStatus.Synced)
            {
                _backoff.Reset(name);
                return;
            }

            if (sync != SyncStatus.OutOfSync)
            {
                return;
            }

            var app = (await catalog.ListAsync(cancellationToken)).FirstOrDefault(a => a.Name == name);
            if (app is not { AutomatedSync: true, EffectiveSelfHeal: true, Operator: OperatorKind.Embedded })
            {
                return;
            }

            if (_backoff.TryHeal(name))
            {
                // Self-heal: Git wins over a live edit, re-applied with back-off so a fight with another writer stays slow.
                lock (_healing)
                {
                    _healing.Add(name);
                }

                _syncRequests.Writer.TryWrite(name);
                return;
            }

            await Task.Delay(_backoff.Until(name) + TimeSpan.FromMilliseconds(10), time, cancellationToken);
            if (statuses.Latest.GetValueOrDefault(name) is { Sync: SyncStatus.OutOfSync })
            {
                await ConsiderHealingAsync(name, SyncStatus.OutOfSync, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            LogHealFailed(_logger, name, ex);
        }
    }

    /// <summary>
    /// Looks at the application's self-heal again (its switch changed): OutOfSync with self-heal on heals now. Only
    /// while leading: a follower knows the leader's statuses but runs no operator (the leader sees the stored switch
    /// at its next comparison).
    /// </summary>
    public void Reconsider(string application)
    {
        if (!Gate.IsLeader)
        {
            return;
        }

        _backoff.Reset(application);
        if (statuses.Latest.GetValueOrDefault(application) is { } status)
        {
            _ = ConsiderHealingAsync(application, status.Sync, _stopping);
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await embedded.SweepAsync([.. (await catalog.ListAsync(cancellationToken)).Where(a => a.Operator == OperatorKind.Embedded)], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(_logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The embedded operator is idle: no cluster (the sandbox is off or failed to start)")]
    private static partial void LogNoCluster(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {Application} failed")]
    private static partial void LogSyncFailed(ILogger logger, string application, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The periodic comparison failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deciding whether to self-heal {Application} failed")]
    private static partial void LogHealFailed(ILogger logger, string application, Exception exception);
}
