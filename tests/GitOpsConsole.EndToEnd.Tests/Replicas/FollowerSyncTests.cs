using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static GitOpsConsole.EndToEnd.Tests.Replicas.LeaderElectionTests;

namespace GitOpsConsole.EndToEnd.Tests.Replicas;

/// <summary>A manual sync asked on a follower is run by the leader, the only replica that runs the operator.</summary>
public sealed class FollowerSyncTests(BrowserSession browser)
{
    [Fact]
    public async Task SyncOnFollower_LeaderRunsItAsThePersonWhoAsked()
    {
        BrowserSession.RequireChromium();
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

        // The Drift page's Sync now on the follower: the leader runs it and the page tells how it ended.
        await using var session = await ConsolePage.OpenAsync(browser, follower);
        await session.GotoAsync("drift");
        await session.Page.ClickAsync("[data-testid=drift-app-catalog] [data-testid=sync-now]");
        var snackbar = session.Page.Locator(".mud-snackbar:has-text('catalog: ')");
        await snackbar.WaitForAsync(new() { Timeout = 60_000 });
        Assert.DoesNotContain("could not run", await snackbar.InnerTextAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync("follower-drift-sync");
        Assert.Equal(2, CountOf(leader.Output, "Running the sync of catalog that"));
        Assert.DoesNotContain("Sync of catalog at", follower.Output[followerBefore..], StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
