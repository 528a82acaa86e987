using System.Net;
using System.Text.Json;
using static GitOpsConsole.EndToEnd.Tests.Replicas.LeaderElectionTests;

namespace GitOpsConsole.EndToEnd.Tests.Replicas;

/// <summary>Cancelling on a follower a run the leader executes: the request goes through the store and the leader cancels the run.</summary>
public sealed class FollowerCancelTests
{
    [Fact]
    public async Task CancelOnFollower_RunWaitingOnTheLeader_LeaderCancelsItAndWithdrawsItsQuestion()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await ReplicaPair.StartAsync(ct);
        var (leader, follower) = await pair.RolesAsync(ct);
        using var http = new HttpClient { BaseAddress = follower.BaseAddress };

        // payments asks for approval of its first change, so its run waits on the leader for as long as we like.
        await PostImageAsync(leader, "payments", "3.2.0", ct);
        var runId = await EventuallyAsync(async () => await StatusOfNewestAsync(http, ct) is ("WaitingForInput", var id) ? id : null,
            "the payments run waits for approval", () => leader.Output);

        using var cancel = await http.PostAsync(new Uri($"api/runs/{runId}/cancel", UriKind.Relative), null, ct);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        var reason = await EventuallyAsync(async () =>
        {
            using var run = JsonDocument.Parse(await http.GetStringAsync(new Uri($"api/runs/{runId}", UriKind.Relative), ct));
            return run.RootElement.GetProperty("status").GetString() == "Cancelled" ? run.RootElement.GetProperty("reason").GetString() : null;
        }, "the leader cancels the run the follower was asked to cancel", () => leader.Output + follower.Output);
        Assert.StartsWith("Cancelled by ", reason, StringComparison.Ordinal);
        using var open = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/questions", UriKind.Relative), ct));
        Assert.Equal(0, open.RootElement.GetArrayLength());

        // A second cancel of the ended run is refused, on either replica.
        using var again = await http.PostAsync(new Uri($"api/runs/{runId}/cancel", UriKind.Relative), null, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    private static async Task<(string?, string?)?> StatusOfNewestAsync(HttpClient http, CancellationToken ct)
    {
        using var runs = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/runs?app=payments", UriKind.Relative), ct));
        return runs.RootElement.GetProperty("items") is { ValueKind: JsonValueKind.Array } items && items.GetArrayLength() > 0
            ? (items[0].GetProperty("status").GetString(), items[0].GetProperty("id").GetString())
            : null;
    }
}
