using System.Text.Json;
using Microsoft.Playwright;

namespace GitOpsConsole.EndToEnd.Tests;

/// <summary>A developer's push followed in the browser: the run shows up on the Overview, then finishes on its page, with no reload.</summary>
public class RunJourneyTests(ConsoleProcess console, BrowserSession browser)
{
    private const string SameDocument = "() => window.__e2eSameDocument === true";

    [Fact]
    public async Task GitPush_FollowedFromOverviewToRunPage_SucceedsWithoutReload()
    {
        BrowserSession.RequireChromium();
        await using var session = await ConsolePage.OpenAsync(browser, console);
        await session.SignInAsync("admin", console.AdminPassword);
        await session.GotoAsync("");
        await session.Page.WaitForSelectorAsync("[data-testid=applications] tbody tr:has-text('storefront')");
        await WaitUntilIdleAsync(session, "storefront");
        // A marker in the document: a reload or a full navigation would lose it.
        await session.Page.EvaluateAsync("() => { window.__e2eSameDocument = true; }");

        var work = await SandboxGit.CloneAsync(console, "storefront");
        await SandboxGit.SetRuntimeAsync(work, "starts");
        await File.WriteAllTextAsync(Path.Combine(work, "app", "VERSION"), $"4.{DateTime.UtcNow:HHmmss}.0\n", TestContext.Current.CancellationToken);
        var sha = await SandboxGit.CommitAndPushAsync(work, "Storefront: new checkout flow");

        var runId = await RunOfCommitAsync(session, "storefront", sha);
        var line = session.Page.Locator($"[data-testid=app-run][href='runs/{runId}']");
        await line.WaitForAsync(new() { Timeout = 60_000 });
        await session.ScreenshotAsync("overview-with-run");
        Assert.True(await session.Page.EvaluateAsync<bool>(SameDocument), "the Overview reloaded");

        await line.ClickAsync();
        await session.Page.WaitForURLAsync($"**/runs/{runId}");
        var status = await FinalStatusAsync(session);
        await session.ScreenshotAsync("run-succeeded");
        Assert.True(status == "Succeeded", $"the run ended {status}: {await session.Page.Locator("[data-testid=run-reason]").InnerTextAsync()}");
        // The commits section loads after the status turns; wait for the deploy commit's diff before judging it.
        await session.Page.WaitForSelectorAsync("[data-testid=run-commit][data-role=deploy] [data-testid=unified-diff]", new() { Timeout = 30_000 });
        await session.Page.WaitForSelectorAsync("[data-testid=manifest-diff]", new() { Timeout = 30_000 });

        Assert.True(await session.Page.EvaluateAsync<bool>(SameDocument), "the run page was reached by a reload instead of live updates");
        var tools = await session.Page.Locator("[data-testid=run-step]").EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.tool)");
        Assert.Equal(["ci.trigger_build", "ci.get_build", "values.set_image_tag", "operator.sync", "cluster.health"], tools);
        var diff = await session.Page.Locator("[data-testid=run-commit][data-role=deploy] [data-testid=unified-diff]").InnerTextAsync();
        Assert.Contains($"+  tag: {sha[..7]}", diff.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var added = await session.Page.Locator("[data-testid=manifest-diff] .diff-add").AllInnerTextsAsync();
        Assert.Contains(added, l => l.Contains($":{sha[..7]}", StringComparison.Ordinal));
        await session.ScreenshotAsync("run-succeeded");

        await session.GotoAsync("pipelines");
        await session.Page.WaitForSelectorAsync($"[data-testid=runs-table] a[href='runs/{runId}']");
        await session.ScreenshotAsync("pipelines");
        Assert.Empty(session.ConsoleErrors);

        // The diff colours and code blocks must read in the dark theme too.
        await using var dark = await ConsolePage.OpenAsync(browser, console, dark: true);
        await dark.SignInAsync("admin", console.AdminPassword);
        await dark.GotoAsync($"runs/{runId}");
        await dark.Page.WaitForSelectorAsync("[data-testid=manifest-diff]", new() { Timeout = 30_000 });
        await dark.ScreenshotAsync("run-succeeded-dark");
        await dark.GotoAsync("pipelines");
        await dark.Page.WaitForSelectorAsync($"[data-testid=runs-table] a[href='runs/{runId}']");
        await dark.ScreenshotAsync("pipelines-dark");
        Assert.Empty(dark.ConsoleErrors);
    }

    [Fact]
    public async Task CrashingImagePushed_RunPageShowsTheRollbackLive()
    {
        BrowserSession.RequireChromium();
        await using var session = await ConsolePage.OpenAsync(browser, console);
        await session.SignInAsync("admin", console.AdminPassword);
        await session.GotoAsync("");
        await WaitUntilIdleAsync(session, "storefront");

        var work = await SandboxGit.CloneAsync(console, "storefront");
        await SandboxGit.SetRuntimeAsync(work, "crash");
        var sha = await SandboxGit.CommitAndPushAsync(work, "Storefront: image that crashes at start");

        var runId = await RunOfCommitAsync(session, "storefront", sha);
        await session.GotoAsync($"runs/{runId}");
        await session.Page.EvaluateAsync("() => { window.__e2eSameDocument = true; }");
        var status = await FinalStatusAsync(session);
        Assert.True(status == "RolledBack", $"the run ended {status}: {await session.Page.Locator("[data-testid=run-reason]").InnerTextAsync()}");
        await session.Page.WaitForSelectorAsync("[data-testid=run-commit][data-role=rollback] [data-testid=unified-diff]", new() { Timeout = 30_000 });

        Assert.True(await session.Page.EvaluateAsync<bool>(SameDocument), "the run page reloaded");
        Assert.Contains("Degraded", await session.Page.Locator("[data-testid=run-reason]").InnerTextAsync(), StringComparison.Ordinal);
        // The failed health check opens by itself with its log.
        Assert.Equal(1, await session.Page.Locator("[data-testid=run-step][data-tool='cluster.health'][data-status=Failed] [data-testid=step-details]").CountAsync());
        await session.ScreenshotAsync("run-rolled-back");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task SlowBuild_CancelledFromTheRunPage_EndsCancelledLive()
    {
        BrowserSession.RequireChromium();
        await using var session = await ConsolePage.OpenAsync(browser, console);
        await session.SignInAsync("admin", console.AdminPassword);
        await session.GotoAsync("");
        await WaitUntilIdleAsync(session, "catalog");

        var work = await SandboxGit.CloneAsync(console, "catalog");
        await SandboxGit.SetRuntimeAsync(work, "starts");
        // A build step that takes a while, so the run is still building when the button is pressed.
        var ci = Path.Combine(work, ".gitops-ci.yaml");
        var definition = await File.ReadAllTextAsync(ci, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(ci, definition.Replace("steps:\n", "steps:\n  - name: slow\n    run: sleep 20\n    timeoutSeconds: 60\n", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        var sha = await SandboxGit.CommitAndPushAsync(work, "Catalog: a build that takes its time");

        var runId = await RunOfCommitAsync(session, "catalog", sha);
        await session.GotoAsync($"runs/{runId}");
        await session.Page.WaitForSelectorAsync("[data-testid=run-step][data-tool='ci.get_build'][data-status=Running]", new() { Timeout = 60_000 });
        await session.Page.ClickAsync("[data-testid=cancel-run]");

        var status = await FinalStatusAsync(session);
        Assert.Equal("Cancelled", status);
        Assert.Contains("Cancelled by admin", await session.Page.Locator("[data-testid=run-reason]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.Locator("[data-testid=cancel-run]").CountAsync());
        Assert.Equal(0, await session.Page.Locator("[data-testid=run-commit]").CountAsync());
        await session.ScreenshotAsync("run-cancelled");
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>Waits, on the page as it updates itself, until the run has ended; returns how.</summary>
    internal static async Task<string> FinalStatusAsync(ConsolePage session)
    {
        var ended = session.Page.Locator("[data-testid=run-header] [data-testid=run-status]:is([data-status=Succeeded], [data-status=Failed], [data-status=RolledBack], [data-status=Cancelled])");
        await ended.WaitForAsync(new() { Timeout = 240_000 });
        return (await ended.GetAttributeAsync("data-status"))!;
    }

    /// <summary>Runs of the same application queue; start from a quiet application so the Overview shows this run.</summary>
    private static async Task WaitUntilIdleAsync(ConsolePage session, string app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (true)
        {
            var busy = 0;
            foreach (var status in new[] { "Queued", "Running" })
            {
                busy += (await ApiAsync(session, $"api/runs?app={app}&status={status}")).GetProperty("total").GetInt32();
            }

            if (busy == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{app} still had runs in progress after 240 s");
            await Task.Delay(500);
        }
    }

    internal static async Task<string> RunOfCommitAsync(ConsolePage session, string app, string sha)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var page = await ApiAsync(session, $"api/runs?app={app}&pageSize=20");
            var id = page.GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("trigger").ValueKind == JsonValueKind.Object && i.GetProperty("trigger").GetProperty("commit").GetString() == sha)
                .Select(i => i.GetProperty("id").GetString()).FirstOrDefault();
            if (id is not null)
            {
                return id;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no run for {sha[..7]} within 60 s");
            await Task.Delay(250);
        }
    }

    // The signed-in browser asks the API with its own cookie, as a script in the session would.
    private static async Task<JsonElement> ApiAsync(ConsolePage session, string url) =>
        await session.Page.EvaluateAsync<JsonElement>("async url => (await fetch(url)).json()", url);
}
