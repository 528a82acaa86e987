using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static GitOpsConsole.EndToEnd.Tests.Replicas.LeaderElectionTests;

namespace GitOpsConsole.EndToEnd.Tests.Replicas;

/// <summary>
/// A page served by a follower follows a run the leader executes, by push: the follower's relay reads the leader's
/// changes from the shared store into its own feeds.
/// </summary>
public sealed class FollowerLiveViewTests(BrowserSession browser)
{
    [Fact]
    public async Task FollowerOverview_LeaderRunsADeployApprovedOnTheFollower_RunLineUpdatesStepByStepWithoutReload()
    {
        BrowserSession.RequireChromium();
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await ReplicaPair.StartAsync(ct);
        var (leader, follower) = await pair.RolesAsync(ct);

        await using var session = await ConsolePage.OpenAsync(browser, follower);
        await session.GotoAsync("");
        const string runLine = "[data-testid=applications] tbody tr:has(td:first-child strong:text-is('payments')) [data-testid=app-run]";
        // Every text the payments row's run line shows, recorded in the page as it changes (the page is never reloaded).
        await session.Page.EvaluateAsync("""
            () => {
              window.seen = [];
              const note = () => document.querySelectorAll('[data-testid=applications] tbody tr').forEach(r => {
                if (r.querySelector('td:first-child strong')?.textContent.trim() !== 'payments') return;
                const line = r.querySelector('[data-testid=app-run]');
                if (line) window.seen.push(line.getAttribute('data-status') + ' ' + (line.querySelector('[data-testid=app-run-step]')?.textContent ?? ''));
              });
              new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
            }
            """);

        // payments asks for approval of each change: the run waits on the leader; the person answers on the follower they look at.
        await PostImageAsync(leader, "payments", "3.1.0", ct);
        await session.Page.WaitForSelectorAsync($"{runLine}[data-status=WaitingForInput]", new() { Timeout = 120_000 });
        await EventuallyAsync(async () => await AnswerOpenQuestionsAsync(follower, ct) && await session.Page.Locator($"{runLine}[data-status=Succeeded]").CountAsync() > 0 ? "" : null,
            "the approved run succeeds and the follower's page shows it", () => leader.Output + follower.Output);
        // Sync and health come from the leader's operator through the store: the follower's row and API show them too.
        const string paymentsRow = "[data-testid=applications] tbody tr:has(td:first-child strong:text-is('payments'))";
        await session.Page.WaitForSelectorAsync($"{paymentsRow} [data-testid=sync-status]:has-text('Synced')", new() { Timeout = 30_000 });
        await session.Page.WaitForSelectorAsync($"{paymentsRow} [data-testid=health-status]:has-text('Healthy')", new() { Timeout = 30_000 });
        using (var http = new HttpClient { BaseAddress = follower.BaseAddress })
        {
            using var app = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/apps/payments", UriKind.Relative), ct));
            Assert.Equal(("Synced", "Healthy"), (app.RootElement.GetProperty("sync").GetString(), app.RootElement.GetProperty("health").GetString()));
            Assert.NotEqual(0, app.RootElement.GetProperty("resources").GetArrayLength());
        }

        await session.ScreenshotAsync("follower-overview-relayed");

        var seen = (await session.Page.EvaluateAsync<string[]>("() => [...new Set(window.seen)]")).ToList();
        var waiting = seen.FindIndex(s => s.StartsWith("WaitingForInput ", StringComparison.Ordinal));
        var succeeded = seen.FindIndex(s => s.StartsWith("Succeeded ", StringComparison.Ordinal));
        Assert.True(waiting >= 0 && succeeded > waiting, $"the run line showed: {string.Join(" | ", seen)}");
        Assert.Contains("relaying the leader's changes", follower.Output, StringComparison.Ordinal);
    }

    // Answers every open question with approve on the given replica; the leader's waiting run finds a follower's answer in the shared store.
    private static async Task<bool> AnswerOpenQuestionsAsync(ConsoleProcess replica, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = replica.BaseAddress };
        using var open = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/questions", UriKind.Relative), ct));
        foreach (var question in open.RootElement.EnumerateArray())
        {
            using var answered = await http.PostAsJsonAsync(new Uri($"api/questions/{question.GetProperty("id").GetGuid()}/answer", UriKind.Relative), new { answer = "approve" }, ct);
        }

        return true;
    }
}
