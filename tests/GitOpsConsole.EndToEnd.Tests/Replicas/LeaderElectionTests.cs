using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data;
using GitOpsConsole.Data.Runs;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.EndToEnd.Tests.Replicas;

/// <summary>
/// Two real console processes on one store and one cluster, with leader election on: one leads and runs the
/// engines, the other serves the API; killing the leader hands over, and every event gets exactly one run.
/// </summary>
public sealed partial class LeaderElectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task TwoConsoles_LeaderKilled_FollowerTakesOverAndEveryEventRunsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await ReplicaPair.StartAsync(ct);
        var sandbox = pair.Sandbox;
        var (leader, follower) = await pair.RolesAsync(ct);

        var events = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            // Both replicas take events; the follower only persists them (and queues their runs) for the leader.
            events.Add(await PostImageAsync(i % 2 == 0 ? follower : leader, i % 2 == 0 ? "storefront" : "catalog", $"2.{i}.0", ct));
        }

        // Killed once the leader has started work, so some of it is in flight (or queued) when it dies.
        await EventuallyAsync(async () => await CountRunsAsync(sandbox, events, RunStatus.Queued, ct) < events.Count ? "" : null,
            "the leader starts the runs", () => leader.Output);
        var followerBeforeKill = follower.Output;
        await leader.KillAsync();

        for (var i = 6; i < 10; i++)
        {
            // Posted during the handover, while no replica leads.
            events.Add(await PostImageAsync(follower, i % 2 == 0 ? "storefront" : "catalog", $"2.{i}.0", ct));
        }

        await EventuallyAsync(async () => await follower.RoleAsync(ct) == "leader" ? "" : null, "the follower takes over after the leader was killed", () => follower.Output);
        var runs = await EventuallyAsync(async () =>
        {
            var all = await RunsOfAsync(sandbox, events, ct);
            return events.All(e => all.Any(r => r.TriggerEventId == e)) && all.All(r => !RunStore.Active.Contains(r.Status)) ? all : null;
        }, "every event's run has finished", () => follower.Output);

        Assert.DoesNotMatch(RunEnded(), followerBeforeKill);
        Assert.Matches(RunEnded(), leader.Output);
        Assert.All(events, e => Assert.Single(runs, r => r.TriggerEventId == e));
        Assert.All(runs, r => Assert.True(r.Status is RunStatus.Succeeded or RunStatus.Cancelled, $"run {r.Id} ended {r.Status}: {r.Reason}"));
    }

    internal static async Task<Guid> PostImageAsync(ConsoleProcess console, string app, string tag, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = console.BaseAddress };
        using var response = await http.PostAsJsonAsync(new Uri("api/events", UriKind.Relative), new { app, kind = "image", tag }, ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.GetProperty("eventId").GetGuid();
    }

    private static async Task<List<Run>> RunsOfAsync(SharedSandbox sandbox, List<Guid> events, CancellationToken ct)
    {
        await using var db = await SqliteStore.CreateFactory(sandbox.DataDirectory).CreateDbContextAsync(ct);
        return await db.Runs.AsNoTracking().Where(r => r.TriggerEventId != null && events.Contains(r.TriggerEventId.Value)).ToListAsync(ct);
    }

    private static async Task<int> CountRunsAsync(SharedSandbox sandbox, List<Guid> events, RunStatus status, CancellationToken ct)
    {
        var runs = await RunsOfAsync(sandbox, events, ct);
        return runs.Count(r => r.Status == status) + events.Count(e => runs.All(r => r.TriggerEventId != e));
    }

    internal static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, Func<string> log)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
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

            Assert.True(DateTime.UtcNow < deadline, $"{what}: not within {Patience}\n{log()}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"Run [0-9a-f-]{36} of \w+ ended")]
    private static partial Regex RunEnded();
}
