using System.Diagnostics;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Web.Operator;
using GitOpsConsole.Web.Sandbox;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Drift.Bench;

/// <summary>
/// Live edit → persisted finding, through the real path (watch → comparison → store → feed), timed from just
/// before the scale request to the feed's notice. catalog (self-heal off) for detection; storefront (self-heal
/// on) for detection plus heal (finding resolved by the self-heal sync).
/// </summary>
internal static class LatencyBench
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(int edits)
    {
        await using var console = new BenchConsole();
        console.CreateClient().Dispose();
        var statuses = console.Services.GetRequiredService<ApplicationStatusFeed>();
        var started = Stopwatch.StartNew();
        while (!(statuses.Latest.Count == 3 && statuses.Latest.Values.All(s => s.Sync == SyncStatus.Synced)))
        {
            if (started.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("The seeded applications did not become Synced.");
            }

            await Task.Delay(100);
        }

        var kubernetes = console.Services.GetRequiredService<SandboxRuntime>().Client!;
        var feed = console.Services.GetRequiredService<DriftFeed>();
        var desired = (await kubernetes.AppsV1.ReadNamespacedDeploymentAsync("catalog", "catalog")).Spec.Replicas ?? 1;

        var detect = new List<double>();
        for (var i = 0; i < edits; i++)
        {
            var opened = Wait(feed, "catalog", c => c.Opened > 0);
            var clock = Stopwatch.StartNew();
            await ScaleAsync(kubernetes, "catalog", desired + 1 + (i % 3));
            await opened.WaitAsync(Timeout);
            detect.Add(clock.Elapsed.TotalMilliseconds);
            var resolved = Wait(feed, "catalog", c => c.Resolved > 0);
            await ScaleAsync(kubernetes, "catalog", desired);
            await resolved.WaitAsync(Timeout);
        }

        Console.WriteLine($"catalog   live edit -> open finding:            {Percentiles.Summary(detect)}");

        var healDetect = new List<double>();
        var healed = new List<double>();
        var heals = Math.Max(5, edits / 2);
        for (var i = 0; i < heals; i++)
        {
            var opened = Wait(feed, "storefront", c => c.Opened > 0);
            var resolved = Wait(feed, "storefront", c => c.Resolved > 0);
            var clock = Stopwatch.StartNew();
            await ScaleAsync(kubernetes, "storefront", 4 + (i % 3));
            await opened.WaitAsync(Timeout);
            healDetect.Add(clock.Elapsed.TotalMilliseconds);
            await resolved.WaitAsync(Timeout);
            healed.Add(clock.Elapsed.TotalMilliseconds);
            // Self-heal's back-off restarts only from Synced; let the status settle before the next edit.
            while (statuses.Latest["storefront"].Sync != SyncStatus.Synced)
            {
                await Task.Delay(20);
            }
        }

        Console.WriteLine($"storefront live edit -> open finding:            {Percentiles.Summary(healDetect)}");
        Console.WriteLine($"storefront live edit -> healed, finding resolved: {Percentiles.Summary(healed)}");
    }

    private static Task<V1Scale> ScaleAsync(IKubernetes kubernetes, string app, int replicas) =>
        kubernetes.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch($"{{\"spec\":{{\"replicas\":{replicas}}}}}", V1Patch.PatchType.MergePatch), app, app);

    private static Task Wait(DriftFeed feed, string app, Func<DriftChange, bool> when)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? subscription = null;
        subscription = feed.Subscribe(change =>
        {
            if (change.Application == app && when(change) && done.TrySetResult())
            {
                subscription?.Dispose();
            }
        });
        return done.Task;
    }
}
