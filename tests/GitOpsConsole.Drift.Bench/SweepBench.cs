using System.Diagnostics;
using System.Globalization;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Integrations.Operator;
using GitOpsConsole.Sandbox.Kubernetes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Drift.Bench;

/// <summary>
/// The periodic full comparison of <c>apps</c> applications × 10 objects (a Deployment, a Service, a
/// ServiceAccount, seven ConfigMaps) against the Kubernetes emulator: the operator's sweep lists each kind
/// once and compares in memory. Git fetches are not part of it (each application's mirror is read as is).
/// </summary>
internal static class SweepBench
{
    public static async Task RunAsync(int apps)
    {
        var root = Directory.CreateTempSubdirectory("gitops-sweep-bench-").FullName;
        try
        {
            await RunAsync(apps, root);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task RunAsync(int count, string root)
    {
        var repository = await ManifestRepository.CreateAsync(root);
        await using var emulator = new KubernetesEmulator(new KubernetesEmulatorOptions { ImageCatalog = new StartsCatalog(), PodStartupOverride = TimeSpan.Zero });
        await emulator.StartAsync();
        var kubeconfig = Path.Combine(root, "kubeconfig");
        emulator.WriteKubeconfig(kubeconfig);
        using var kubernetes = KubernetesConnection.FromKubeconfig(kubeconfig);
        var names = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"app-{i:D4}")).ToList();
        var mirrors = new GitMirrorCache(
            new GitMirrorOptions { MirrorDirectory = Path.Combine(root, "mirrors"), Repositories = names.ToDictionary(n => n, _ => repository) },
            new RepositoryUrlResolver(null), NullLogger<GitMirrorCache>.Instance);
        var op = new EmbeddedOperator(kubernetes, mirrors, new GitReader(mirrors), TimeProvider.System, NullLogger<EmbeddedOperator>.Instance);
        var applications = names.Select(n => new Application
        {
            Name = n, Environment = "bench", RepositoryUrl = repository, Path = "manifests", Namespace = n,
        }).ToList();

        var setup = Stopwatch.StartNew();
        await Parallel.ForEachAsync(applications, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (app, ct) =>
        {
            var result = await op.SyncAsync(app, null, prune: false, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"{app.Name}: {result.Message}");
            }
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"setup: {count} applications × 10 objects synced in {setup.Elapsed.TotalSeconds:F1} s"));

        // Drift in every hundredth application, so the sweep has something to find.
        var drifted = applications.Where((_, i) => i % 100 == 0).ToList();
        foreach (var app in drifted)
        {
            await kubernetes.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":3}}", V1Patch.PatchType.MergePatch), "web", app.Name);
        }

        // The listing alone (no application to compare): what one list per kind costs against this cluster.
        var listing = Stopwatch.StartNew();
        await op.SweepAsync([], _ => DriftFilter.None, fetch: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster listing alone: {listing.Elapsed.TotalMilliseconds:F0} ms"));

        for (var run = 0; run < 6; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            using var peak = new PeakMemory();
            var clock = Stopwatch.StartNew();
            var results = await op.SweepAsync(applications, _ => DriftFilter.None, fetch: false);
            var elapsed = clock.Elapsed;
            var outOfSync = results.Count(r => r.Status.Sync == SyncStatus.OutOfSync);
            var findings = results.Sum(r => DriftObservation.From(r).Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sweep {(run == 0 ? "cold" : "warm")}: {elapsed.TotalMilliseconds:F0} ms, {outOfSync} OutOfSync / {findings} findings (expected {drifted.Count}), "
                + $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F0} MB, "
                + $"managed heap before {heapBefore / 1048576.0:F0} MB, process peak working set {peak.PeakBytes / 1048576.0:F0} MB"));
        }
    }

    private sealed class StartsCatalog : IImageCatalog
    {
        public ImageBehavior? Find(string imageReference) => new(ImageRuntime.Starts, TimeSpan.Zero);
    }

    /// <summary>Samples the process's working set every 5 ms while alive.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;
        private long _peak;

        public PeakMemory() => _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                using var process = Process.GetCurrentProcess();
                _peak = Math.Max(_peak, process.WorkingSet64);
                await Task.Delay(5);
            }
        });

        public long PeakBytes => Math.Max(_peak, Process.GetCurrentProcess().WorkingSet64);

        public void Dispose()
        {
            _stop.Cancel();
            _sampler.Wait();
            _stop.Dispose();
        }
    }
}
