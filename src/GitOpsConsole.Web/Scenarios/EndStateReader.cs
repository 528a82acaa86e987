using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios.Comparison;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Core.Workflow;
using GitOpsConsole.Web.Operator;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>
/// Reads where a run left its twin world: what the Deployment runs, its health once the rollout settled, and the
/// sync status. With self-heal on, the operator gets a moment to undo drift first (what a user would see next).
/// </summary>
internal sealed class EndStateReader(TwinWorlds worlds, OperatorService cluster, IClusterTool health, TimeProvider time)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    public async Task<ObservedEnd> ReadAsync(TwinApp twin, string? newImage, CancellationToken cancellationToken)
    {
        var app = twin.Application;
        var deadline = time.GetUtcNow() + Settle;
        while (true)
        {
            var settled = await HealthWait.UntilSettledAsync(health, app, Settle, TimeSpan.FromMilliseconds(100), time, cancellationToken);
            var status = await cluster.StatusAsync(app, cancellationToken);
            var running = await worlds.RunningImageAsync(app, cancellationToken);
            if (!app.EffectiveSelfHeal || status.Sync == SyncStatus.Synced || time.GetUtcNow() >= deadline)
            {
                return new ObservedEnd(running, settled.Status, status.Sync, newImage, twin.PreviousImage);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
        }
    }
}
