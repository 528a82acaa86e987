using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;

namespace GitOpsConsole.Sandbox.Kubernetes.Bench;

/// <summary>The emulator's performance targets, measured over real loopback HTTP.</summary>
internal static class Benchmarks
{
    public static async Task<int> RunAsync(string[] args)
    {
        var pods = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        Console.WriteLine($"# Kubernetes emulator benchmarks ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version})");
        Console.WriteLine();
        await ListAndMemoryAsync(pods);
        await ServerSideApplyAsync(5_000);
        await WatchLatencyAsync(watchers: 100, changes: 300);
        return 0;
    }

    private static KubernetesEmulator NewEmulator() => new(new KubernetesEmulatorOptions { RunControllers = false });

    private static async Task ListAndMemoryAsync(int count)
    {
        await using var emulator = NewEmulator();
        await emulator.StartAsync();
        var before = Heap();
        var writer = emulator.Core.Writer;
        for (var i = 0; i < count; i++)
        {
            writer.Create(BuiltInResources.Pod, "default", Pod(i), WriteRequest.Controller("bench"));
        }
        var after = Heap();
        var workingSet = Environment.WorkingSet;
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var samples = new List<double>();
        long bytes = 0;
        for (var i = 0; i < 25; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri("/api/v1/namespaces/default/pods", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var counter = new CountingStream();
            await body.CopyToAsync(counter);
            samples.Add(watch.Elapsed.TotalMilliseconds);
            bytes = counter.Length;
        }
        Console.WriteLine($"## List {count:N0} pods over HTTP (25 requests, {bytes / 1024.0 / 1024.0:F1} MiB each)");
        Console.WriteLine($"p50 {Percentile(samples, 50):F1} ms, p95 {Percentile(samples, 95):F1} ms (target p50 <= 150 ms)");
        Console.WriteLine();
        Console.WriteLine($"## Memory with {count:N0} pods");
        Console.WriteLine($"managed heap grew {(after - before) / 1024.0 / 1024.0:F1} MiB; process working set {workingSet / 1024.0 / 1024.0:F1} MiB after loading, {AfterCollect() / 1024.0 / 1024.0:F1} MiB after the list runs and a collection (target <= 200 MB)");
        Console.WriteLine();
    }

    private static async Task ServerSideApplyAsync(int total)
    {
        await using var emulator = NewEmulator();
        await emulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        const int Workers = 4;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
        {
            for (var i = worker; i < total; i += Workers)
            {
                var name = $"app-{i % 200}";
                using var content = new StringContent(Deployment(name, i), Encoding.UTF8);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/apply-patch+yaml");
                using var response = await http.PatchAsync(new Uri($"/apis/apps/v1/namespaces/default/deployments/{name}?fieldManager=bench&force=true", UriKind.Relative), content);
                response.EnsureSuccessStatusCode();
            }
        }));
        var rate = total / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"## Server-side apply ({total:N0} applies of Deployments over HTTP, {Workers} concurrent clients, 200 objects)");
        Console.WriteLine($"{rate:N0} applies/s (target >= 1,000/s)");
        Console.WriteLine();
    }

    private static async Task WatchLatencyAsync(int watchers, int changes)
    {
        await using var emulator = NewEmulator();
        await emulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var rv = (await http.GetStringAsync(new Uri("/api/v1/namespaces/default/configmaps", UriKind.Relative)));
        var since = JsonNode.Parse(rv)!["metadata"]!["resourceVersion"]!.ToString();
        var clock = Stopwatch.StartNew();
        var latencies = new List<double>();
        using var cts = new CancellationTokenSource();
        var ready = new CountdownEvent(watchers);
        var tasks = Enumerable.Range(0, watchers).Select(_ => Task.Run(async () =>
        {
            using var response = await http.GetAsync(new Uri($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={since}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cts.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
            ready.Signal();
            var local = new List<double>(changes);
            while (local.Count < changes && await reader.ReadLineAsync(cts.Token) is { } line)
            {
                var sent = double.Parse(JsonNode.Parse(line)!["object"]!["data"]!["sent"]!.ToString(), CultureInfo.InvariantCulture);
                local.Add(clock.Elapsed.TotalMilliseconds - sent);
            }
            lock (latencies)
            {
                latencies.AddRange(local);
            }
        })).ToList();
        ready.Wait(TimeSpan.FromSeconds(30));
        for (var i = 0; i < changes; i++)
        {
            var body = $$$"""{"metadata":{"name":"cm-{{{i}}}"},"data":{"sent":"{{{clock.Elapsed.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture)}}}"}}""";
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            (await http.PostAsync(new Uri("/api/v1/namespaces/default/configmaps", UriKind.Relative), content)).EnsureSuccessStatusCode();
            await Task.Delay(5);
        }
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
        Console.WriteLine($"## Watch delivery to {watchers} watchers ({changes} creates, {latencies.Count:N0} deliveries)");
        Console.WriteLine($"p50 {Percentile(latencies, 50):F1} ms, p99 {Percentile(latencies, 99):F1} ms (target p99 <= 50 ms)");
        Console.WriteLine();
        await cts.CancelAsync();
    }

    private static long AfterCollect()
    {
        Heap();
        return Environment.WorkingSet;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Percentile(List<double> samples, int percentile)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static JsonObject Pod(int i) => JsonNode.Parse($$$$"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"pod-{{{{i}}}}","labels":{"app":"bench-{{{{i % 50}}}}","pod-template-hash":"5594cc45d"}},
         "spec":{"nodeName":"sandbox-node","containers":[{"name":"app","image":"registry.local/app:{{{{i % 7}}}}","ports":[{"containerPort":8080}],
           "env":[{"name":"MODE","value":"bench"}],"resources":{"requests":{"cpu":"100m","memory":"64Mi"}}}]}}
        """)!.AsObject();

    private static string Deployment(string name, int generation) => $$$$"""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"{{{{name}}}}","labels":{"app":"{{{{name}}}}"}},
         "spec":{"replicas":{{{{1 + (generation % 3)}}}},"selector":{"matchLabels":{"app":"{{{{name}}}}"}},
           "template":{"metadata":{"labels":{"app":"{{{{name}}}}"}},"spec":{"containers":[{"name":"app","image":"registry.local/{{{{name}}}}:{{{{generation}}}}","ports":[{"containerPort":8080}]}]} } } }
        """;
}
