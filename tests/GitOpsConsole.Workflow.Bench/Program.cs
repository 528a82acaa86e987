using System.Diagnostics;
using System.Globalization;
using GitOpsConsole.Bench;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Workflow.Bench;

// Push → Healthy for the workflow engine: the real console with its sandbox (pods ready at once), a CI
// definition with one no-op step, and N real `git push`es of a source change to storefront. Each sample is
// the time from starting `git push` to the run's HealthyAt (same machine clock), split into its phases.
var pushes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var plotPath = args.Length > 1 ? args[1] : null;

var data = Path.Combine(Path.GetTempPath(), "gitops-workflow-bench", Guid.NewGuid().ToString("N"));
var baseAddress = new Uri($"http://127.0.0.1:{BenchConsole.FreePort()}/");
using var console = BenchConsole.Start(baseAddress, data,
    "--GitOps:Sandbox:RegistryPort=0", "--GitOps:Sandbox:KubernetesPort=0", "--GitOps:Sandbox:PodStartupSeconds=0");
try
{
    using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    await BenchConsole.WaitReadyAsync(http);
    var runs = new RunQuery(SqliteStore.CreateFactory(data));
    var repo = new BenchRepository(Path.Combine(data, "sandbox", "git", "storefront.git"), Path.Combine(data, "bench-clone"));
    await repo.CloneAsync();

    // Warm-up: the no-op CI definition itself goes through a run (and warms every code path once).
    await repo.CommitAsync(".gitops-ci.yaml", BenchRepository.NoOpCi, "CI: one no-op step");
    await MeasureAsync(runs, repo);

    var samples = new List<PushSample>();
    for (var i = 1; i <= pushes; i++)
    {
        await repo.CommitAsync("app/VERSION", $"1.0.{i}\n", $"Release 1.0.{i}");
        samples.Add(await MeasureAsync(runs, repo));
        Console.WriteLine(samples[^1].Describe(i));
    }

    var totals = samples.Select(s => s.TotalMs).Order().ToArray();
    Console.WriteLine($"pushes: {pushes}; push → Healthy p50 {Percentile(totals, 0.5):F0} ms, p90 {Percentile(totals, 0.9):F0} ms, max {totals[^1]:F0} ms");
    Console.WriteLine($"phase medians: build {Median(samples, s => s.BuildMs):F0} ms, values commit {Median(samples, s => s.CommitMs):F0} ms, sync {Median(samples, s => s.SyncMs):F0} ms, rollout to Healthy {Median(samples, s => s.HealthMs):F0} ms");
    if (plotPath is not null)
    {
        await File.WriteAllTextAsync(plotPath, PushPlot.Svg(samples, Percentile(totals, 0.5)));
        Console.WriteLine($"plot: {plotPath}");
    }

    return 0;
}
finally
{
    console.Kill(entireProcessTree: true);
    await console.WaitForExitAsync();
    Directory.Delete(data, recursive: true);
}

static async Task<PushSample> MeasureAsync(RunQuery runs, BenchRepository repo)
{
    var head = await repo.HeadAsync();
    var pushedAt = DateTimeOffset.UtcNow;
    await repo.PushAsync();
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromMinutes(2))
    {
        var page = await runs.PageAsync(new RunFilter("storefront"), 0, 5);
        if (page.Items.FirstOrDefault(r => r.Run.CommitSha == head && r.Run.FinishedAt is not null) is { } finished)
        {
            var run = (await runs.GetAsync(finished.Run.Id))!.Run;
            return run.Status == RunStatus.Succeeded
                ? PushSample.From(run, pushedAt)
                : throw new InvalidOperationException($"run {run.Id} ended {run.Status}: {run.Reason}");
        }

        await Task.Delay(20);
    }

    throw new TimeoutException($"no finished run for {head} within 2 minutes");
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static double Median(List<PushSample> samples, Func<PushSample, double> phase) => Percentile([.. samples.Select(phase).Order()], 0.5);
