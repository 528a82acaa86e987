using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using GitOpsConsole.Data;
using GitOpsConsole.EndToEnd.Tests;
using GitOpsConsole.EndToEnd.Tests.Replicas;
using Microsoft.EntityFrameworkCore;

// Leader handover: two console processes on one store and one cluster (the end-to-end tests' harness). The leader
// is killed (no clean hand-back, as a crashed pod) or, with "terminate", sent SIGTERM (as a deleted pod: it shuts
// down and releases its Lease); an event is posted to the follower at once; measured from the kill or signal: until
// the follower's /readyz says it leads, and until that event's run has started.
// Usage: dotnet run --project tests/GitOpsConsole.Handover.Bench -- [repetitions=5] [kill|terminate] (timings are lease-bound, Debug is fine)
var repetitions = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var terminate = args.Length > 1 && args[1] == "terminate";
var lease = new List<double>();
var run = new List<double>();
for (var i = 1; i <= repetitions; i++)
{
    var (toLease, toRun) = await HandoverAsync(i, terminate);
    lease.Add(toLease);
    run.Add(toRun);
    Console.WriteLine($"repetition {i}: follower leads after {toLease:F1} s, pending event's run started after {toRun:F1} s");
}

var stop = terminate ? "SIGTERM" : "kill";
Console.WriteLine($"{stop} → follower holds the Lease: p50 {Percentile(lease, 50):F1} s, max {lease.Max():F1} s");
Console.WriteLine($"{stop} → pending event's run started: p50 {Percentile(run, 50):F1} s, max {run.Max():F1} s");
return 0;

static async Task<(double Lease, double Run)> HandoverAsync(int repetition, bool terminate)
{
    var ct = CancellationToken.None;
    await using var pair = await ReplicaPair.StartAsync(ct, "--Logging:LogLevel:Default=Warning");
    var (leader, follower) = await pair.RolesAsync(ct);

    var clock = Stopwatch.StartNew();
    await (terminate ? leader.TerminateAsync() : leader.KillAsync());
    var eventId = await PostImageAsync(follower, "storefront", $"4.{repetition}.0", ct);
    var toLease = await UntilAsync(async () => await follower.RoleAsync(ct) == "leader" ? (double?)clock.Elapsed.TotalSeconds : null, TimeSpan.FromSeconds(120));
    var factory = SqliteStore.CreateFactory(pair.Sandbox.DataDirectory);
    var toRun = await UntilAsync(async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Runs.AsNoTracking().AnyAsync(r => r.TriggerEventId == eventId && r.StartedAt != null, ct) ? (double?)clock.Elapsed.TotalSeconds : null;
    }, TimeSpan.FromSeconds(120));
    return (toLease, toRun);
}

static async Task<Guid> PostImageAsync(ConsoleProcess console, string app, string tag, CancellationToken ct)
{
    using var http = new HttpClient { BaseAddress = console.BaseAddress };
    using var response = await http.PostAsJsonAsync(new Uri("api/events", UriKind.Relative), new { app, kind = "image", tag }, ct);
    response.EnsureSuccessStatusCode();
    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
    return body.RootElement.GetProperty("eventId").GetGuid();
}

// Polled every 50 ms: the figures' resolution.
static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan limit)
    where T : struct
{
    var deadline = Stopwatch.StartNew();
    while (deadline.Elapsed < limit)
    {
        try
        {
            if (await probe() is { } value)
            {
                return value;
            }
        }
        catch (HttpRequestException)
        {
            // A console between states; ask again.
        }

        await Task.Delay(50);
    }

    throw new TimeoutException($"Not within {limit}.");
}

static double Percentile(List<double> values, int p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Ceiling(p / 100.0 * sorted.Count) - 1];
}
