using System.Diagnostics;
using System.Globalization;
using GitOpsConsole.Bench;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Workflow.Bench;

// Push → Healthy: the real console with its sandbox (pods ready at once), a CI definition with one no-op step,
// and N real `git push`es of a source change to storefront. Each sample is the time from starting `git push` to
// the run's HealthyAt (same machine clock), split into its phases. The engine is storefront's: workflow (the
// default), agent (the Offline planner) or both, one console each, one after the other on the same machine.
var pushes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var plotPath = args.Length > 1 && args[1] != "-" ? args[1] : null;
var engines = (args.Length > 2 ? args[2] : "workflow") switch
{
    "workflow" => new[] { DeploymentEngine.Workflow },
    "agent" => [DeploymentEngine.Agent],
    "both" => [DeploymentEngine.Workflow, DeploymentEngine.Agent],
    var other => throw new ArgumentException($"engine '{other}' is not workflow, agent or both"),
};

var medians = new Dictionary<DeploymentEngine, double>();
foreach (var engine in engines)
{
    var samples = await MeasureEngineAsync(engine, pushes);
    var totals = samples.Select(s => s.TotalMs).Order().ToArray();
    medians[engine] = Percentile(totals, 0.5);
    Console.WriteLine($"{engine}: pushes {pushes}; push → Healthy p50 {medians[engine]:F0} ms, p90 {Percentile(totals, 0.9):F0} ms, max {totals[^1]:F0} ms");
    Console.WriteLine($"{engine}: phase medians: build {Median(samples, s => s.BuildMs):F0} ms, values commit {Median(samples, s => s.CommitMs):F0} ms, sync {Median(samples, s => s.SyncMs):F0} ms, rollout to Healthy {Median(samples, s => s.HealthMs):F0} ms");
    if (plotPath is not null && engine == DeploymentEngine.Workflow)
    {
        await File.WriteAllTextAsync(plotPath, PushPlot.Svg(samples, medians[engine]));
        Console.WriteLine($"plot: {plotPath}");
    }
}

if (medians.Count == 2)
{
    Console.WriteLine($"agent / workflow push → Healthy p50: {medians[DeploymentEngine.Agent] / medians[DeploymentEngine.Workflow]:F2}");
}

return 0;

static async Task<List<PushSample>> MeasureEngineAsync(DeploymentEngine engine, int pushes)
{
    var data = Path.Combine(Path.GetTempPath(), "gitops-workflow-bench", Guid.NewGuid().ToString("N"));
    var baseAddress = new Uri($"http://127.0.0.1:{BenchConsole.FreePort()}/");
    using var console = BenchConsole.Start(baseAddress, data,
        "--GitOps:Sandbox:RegistryPort=0", "--GitOps:Sandbox:KubernetesPort=0", "--GitOps:Sandbox:PodStartupSeconds=0",
        $"--GitOps:Applications:0:Engine={engine}");
    var succeeded = false;
    try
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await BenchConsole.WaitReadyAsync(http);
        var store = SqliteStore.CreateFactory(data);
        var runs = new RunQuery(store);
        var traces = new TraceStore(store, new TraceFeed(), TimeProvider.System);
        var repo = new BenchRepository(Path.Combine(data, "sandbox", "git", "storefront.git"), Path.Combine(data, "bench-clone"));
        await repo.CloneAsync();

        // Warm-up: the no-op CI definition itself goes through a run (and warms every code path once).
        await repo.CommitAsync(".gitops-ci.yaml", BenchRepository.NoOpCi, "CI: one no-op step");
        await MeasureAsync(runs, repo);

        var samples = new List<PushSample>();
        var overheads = new List<LoopOverhead>();
        for (var i = 1; i <= pushes; i++)
        {
            await repo.CommitAsync("app/VERSION", $"1.0.{i}\n", $"Release 1.0.{i}");
            var (sample, run) = await MeasureAsync(runs, repo);
            samples.Add(sample);
            var line = sample.Describe(i);
            if (engine == DeploymentEngine.Agent)
            {
                overheads.Add(LoopOverhead.Of(run, await traces.EntriesAsync(run.Id)));
                line += $"; loop overhead {overheads[^1].PerStepMs:F1} ms/step over {overheads[^1].Steps} steps (model {overheads[^1].ModelMs:F0} ms)";
            }

            Console.WriteLine($"{engine}: {line}");
        }

        if (overheads.Count > 0)
        {
            var perStep = overheads.Select(o => o.PerStepMs).Order().ToArray();
            Console.WriteLine($"{engine}: loop overhead per step excluding tools and model: p50 {Percentile(perStep, 0.5):F1} ms, p90 {Percentile(perStep, 0.9):F1} ms, max {perStep[^1]:F1} ms");
        }

        succeeded = true;
        return samples;
    }
    finally
    {
        console.Kill(entireProcessTree: true);
        await console.WaitForExitAsync();
        if (succeeded)
        {
            Directory.Delete(data, recursive: true);
        }
        else
        {
            Console.Error.WriteLine($"kept the console's data directory for inspection: {data}");
        }
    }
}

static async Task<(PushSample Sample, Run Run)> MeasureAsync(RunQuery runs, BenchRepository repo)
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
                ? (PushSample.From(run, pushedAt), run)
                : throw new InvalidOperationException($"run {run.Id} ended {run.Status}: {run.Reason}");
        }

        await Task.Delay(20);
    }

    throw new TimeoutException($"no finished run for {head} within 2 minutes");
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static double Median(List<PushSample> samples, Func<PushSample, double> phase) => Percentile([.. samples.Select(phase).Order()], 0.5);
