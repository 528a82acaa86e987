using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static GitOpsConsole.EndToEnd.Tests.Replicas.LeaderElectionTests;

namespace GitOpsConsole.EndToEnd.Tests.Replicas;

/// <summary>A manual sync asked on a follower is run by the leader, the only replica that runs the operator.</summary>
public sealed class FollowerSyncTests
{
    [Fact]
    public async Task SyncOnFollower_LeaderRunsItAsThePersonWhoAsked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await ReplicaPair.StartAsync(ct);
        var (leader, follower) = await pair.RolesAsync(ct);
        using var http = new HttpClient { BaseAddress = follower.BaseAddress };
        var followerBefore = follower.Output.Length;

        using var sync = await http.PostAsJsonAsync(new Uri("api/apps/catalog/sync", UriKind.Relative), new { }, ct);
        Assert.Equal(HttpStatusCode.Accepted, sync.StatusCode);
        using var accepted = JsonDocument.Parse(await sync.Content.ReadAsStringAsync(ct));
        var user = accepted.RootElement.GetProperty("initiatedBy").GetString()!;

        // The sync history is in the store: either replica answers it.
        await EventuallyAsync(async () =>
        {
            using var app = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/apps/catalog", UriKind.Relative), ct));
            return app.RootElement.GetProperty("syncs").EnumerateArray().Any(s => s.GetProperty("initiatedBy").GetString() == user) ? "" : null;
        }, "the leader runs the sync the follower was asked for", () => leader.Output + follower.Output);
        Assert.Contains($"Running the sync of catalog that {user} asked for on another replica", leader.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sync of catalog at", follower.Output[followerBefore..], StringComparison.Ordinal);
    }
}
