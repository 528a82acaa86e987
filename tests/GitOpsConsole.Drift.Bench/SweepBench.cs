using System.Diagnostics;
using System.Globalization;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Integrations.Operator;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Drift.Bench;

/// <summary>
/// The periodic full comparison of <c>apps</c> applications × 10 objects (a Deployment, a Service, a
/// ServiceAccount, seven ConfigMaps) against the Kubernetes emulator (in a child process, so this process's
/// memory is the sweep's): the operator's sweep lists each kind once and compares in memory. Git fetches are not
/// part of it (each application's mirror is read as is).
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
        var kubeconfig = Path.Combine(root, "kubeconfig");
        await using var emulator = await EmulatorProcess.StartAsync(kubeconfig);
        using var kubernetes = KubernetesConnection.FromKubeconfig(kubeconfig);
        var names = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"app-{i:D4}")).ToList();
        EmbeddedOperator NewOperator()
        {
            var mirrors = new GitMirrorCache(
                new GitMirrorOptions { MirrorDirectory = Path.Combine(root, "mirrors"), Repositories = names.ToDictionary(n => n, _ => repository) },
                new RepositoryUrlResolver(null), NullLogger<GitMirrorCache>.Instance);
            return new EmbeddedOperator(kubernetes, mirrors, new GitReader(mirrors), TimeProvider.System, NullLogger<EmbeddedOperator>.Instance);
        }

        var op = NewOperator();
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"setup: {count} applications × 10 objects synced in {setup.Elapsed.TotalSeconds:F1} s (emulator in its own process)"));

        // Drift in every hundredth application, so the sweep has something to find.
        var drifted = applications.Where((_, i) => i % 100 == 0).ToList();
        foreach (var app in drifted)
        {
            await kubernetes.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":3}}", V1Patch.PatchType.MergePatch), "web", app.Name);
        }

        // The listing alone (no application to compare): what one list per kind costs against this cluster.
        await MeasureAsync("cluster listing alone (first)", () => op.SweepAsync([], _ => DriftFilter.None, fetch: false), _ => "");
        await MeasureAsync("cluster listing alone", () => op.SweepAsync([], _ => DriftFilter.None, fetch: false), _ => "");

        string Found(IReadOnlyList<ApplicationInspection> results) => string.Create(CultureInfo.InvariantCulture,
            $"{results.Count(r => r.Status.Sync == SyncStatus.OutOfSync)} OutOfSync / {results.Sum(r => DriftObservation.From(r).Count)} findings (expected {drifted.Count}), ");
        await MeasureAsync("sweep cold (JIT + first render)", () => op.SweepAsync(applications, _ => DriftFilter.None, fetch: false), Found);
        for (var run = 0; run < 5; run++)
        {
            await MeasureAsync("sweep warm", () => op.SweepAsync(applications, _ => DriftFilter.None, fetch: false), Found);
        }

        // A second operator has empty render caches and unopened mirrors, but the code is already compiled:
        // its first sweep minus a warm one is the rendering cost, the cold sweep minus this one is the JIT's.
        var second = NewOperator();
        await MeasureAsync("sweep, new operator (first render, no JIT)", () => second.SweepAsync(applications, _ => DriftFilter.None, fetch: false), Found);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"emulator process peak working set {emulator.PeakWorkingSetBytes / 1048576.0:F0} MB (not in the figures above)"));
    }

    private static async Task MeasureAsync<T>(string name, Func<Task<T>> sweep, Func<T, string> describe)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gen2 = GC.CollectionCount(2);
        using var peak = new PeakMemory();
        var clock = Stopwatch.StartNew();
        var result = await sweep();
        var elapsed = clock.Elapsed;
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {elapsed.TotalMilliseconds:F0} ms, {describe(result)}allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F0} MB, "
            + $"gen2 GCs {GC.CollectionCount(2) - gen2}, managed heap before {heapBefore / 1048576.0:F0} MB, GC heap peak {info.HeapSizeBytes / 1048576.0:F0} MB, "
            + $"bench process peak working set {peak.PeakBytes / 1048576.0:F0} MB"));
        GC.KeepAlive(result);
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
