using System.Threading.Channels;
using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Operator;
using GitOpsConsole.Web.Sandbox;

namespace GitOpsConsole.Web.Operator;

/// <summary>
/// The embedded operator at work: syncs each automated application at start and right after a push
/// to its branch (no polling delay), and refreshes every application's sync and health so the
/// overview stays current. Today its cluster is the sandbox's.
/// </summary>
internal sealed partial class OperatorLoop(
    OperatorService embedded,
    ApplicationCatalog catalog,
    EventFeed events,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);
    private readonly Channel<string> _syncRequests = Channel.CreateUnbounded<string>();
    private readonly SelfHealBackoff _backoff = new(time);
    private readonly ILogger _logger = loggers.CreateLogger<OperatorLoop>();
    private readonly HashSet<string> _healing = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!embedded.IsAvailable)
        {
            LogNoCluster(_logger);
            return;
        }

        using var subscription = events.Subscribe(recorded =>
        {
            if (recorded is { Decision: EventDecision.Accepted, Kind: TriggerKind.Push, ApplicationName: { } name })
            {
                _syncRequests.Writer.TryWrite(name);
            }
        });

        foreach (var app in (await catalog.ListAsync(stoppingToken)).Where(a => a.AutomatedSync))
        {
            _syncRequests.Writer.TryWrite(app.Name);
        }

        using var timer = new PeriodicTimer(RefreshInterval, time);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
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
                tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            }
        }
    }

    private async Task SyncAsync(string name, CancellationToken cancellationToken)
    {
        var app = (await catalog.ListAsync(cancellationToken)).FirstOrDefault(a => a.Name == name);
        if (app is not { AutomatedSync: true })
        {
            return;
        }

        try
        {
            var initiatedBy = _healing.Remove(app.Name) ? OperatorInitiators.SelfHeal : OperatorInitiators.Automated;
            await embedded.SyncAsync(app, revision: null, initiatedBy, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSyncFailed(_logger, app.Name, ex);
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var app in await catalog.ListAsync(cancellationToken))
        {
            try
            {
                var status = await embedded.StatusAsync(app, cancellationToken);
                if (status.Sync == Core.Domain.SyncStatus.OutOfSync && app is { AutomatedSync: true, EffectiveSelfHeal: true } && _backoff.TryHeal(app.Name))
                {
                    // Self-heal: Git wins over a live edit, re-applied with back-off so a fight with another writer stays slow.
                    _healing.Add(app.Name);
                    _syncRequests.Writer.TryWrite(app.Name);
                }
                else if (status.Sync == Core.Domain.SyncStatus.Synced)
                {
                    _backoff.Reset(app.Name);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(_logger, app.Name, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The embedded operator is idle: no cluster (the sandbox is off or failed to start)")]
    private static partial void LogNoCluster(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {Application} failed")]
    private static partial void LogSyncFailed(ILogger logger, string application, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status refresh of {Application} failed")]
    private static partial void LogRefreshFailed(ILogger logger, string application, Exception exception);
}
