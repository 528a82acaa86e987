using System.Diagnostics;
using System.Globalization;
using GitOpsConsole.Bench;
using System.Text;
using System.Text.Json;
using GitOpsConsole.Core.Ingestion;

// Webhook ingestion throughput: starts the real console (its own process, real HTTP on loopback,
// SQLite in a temp folder), fires a burst of signed GitHub push deliveries with several concurrent
// senders, then checks through the API that every one was persisted exactly once.
var deliveries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var senders = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
const string Secret = "bench-secret";

var data = Path.Combine(Path.GetTempPath(), "gitops-ingestion-bench", Guid.NewGuid().ToString("N"));
var port = BenchConsole.FreePort();
var baseAddress = new Uri($"http://127.0.0.1:{port}/");
using var console = BenchConsole.Start(baseAddress, data, "--GitOps:Sandbox:Enabled=false", $"--GitOps:Webhooks:GitHubSecret={Secret}");
try
{
    using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    await BenchConsole.WaitReadyAsync(http);

    var template = JsonSerializer.Serialize(new
    {
        @ref = "refs/heads/main",
        after = "0123456789abcdef0123456789abcdef01234567",
        repository = new { clone_url = "sandbox:storefront" },
        head_commit = new { message = "bench", author = new { name = "bench" } },
    });
    var body = Encoding.UTF8.GetBytes(template);
    var signature = WebhookSignature.Sign(Secret, body);

    var latencies = new double[deliveries];
    var statuses = new int[deliveries];
    var next = -1;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < deliveries)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/github") { Content = new ByteArrayContent(body) };
            request.Headers.Add("X-GitHub-Event", "push");
            request.Headers.Add("X-GitHub-Delivery", $"bench-{i}");
            request.Headers.Add("X-Hub-Signature-256", signature);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            statuses[i] = (int)response.StatusCode;
        }
    }));
    var elapsed = clock.Elapsed;

    var total = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/events?pageSize=1", UriKind.Relative))).RootElement.GetProperty("total").GetInt32();
    Array.Sort(latencies);
    Console.WriteLine($"deliveries: {deliveries}, concurrent senders: {senders}");
    Console.WriteLine($"wall time: {elapsed.TotalSeconds:F2} s, throughput: {deliveries / elapsed.TotalSeconds:F0} deliveries/s (verified, persisted, answered 202)");
    Console.WriteLine($"latency p50: {latencies[deliveries / 2]:F1} ms, p99: {latencies[(int)(deliveries * 0.99)]:F1} ms");
    Console.WriteLine($"answers: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key} x{g.Count()}"))}");
    Console.WriteLine($"events persisted: {total} (lost: {deliveries - total})");
    return total == deliveries && statuses.All(s => s == 202) ? 0 : 1;
}
finally
{
    console.Kill(entireProcessTree: true);
    await console.WaitForExitAsync();
    Directory.Delete(data, recursive: true);
}
