namespace GitOpsConsole.EndToEnd.Tests;

public class SandboxPageTests(ConsoleProcess console, BrowserSession browser)
{
    [Fact]
    public async Task CommitFromThePage_NewBuildAppearsLive()
    {
        BrowserSession.RequireChromium();
        await using var session = await ConsolePage.OpenAsync(browser, console);
        await session.SignInAsync("admin", console.AdminPassword);
        await session.GotoAsync("sandbox");
        await session.Page.WaitForSelectorAsync("[data-testid=sandbox-components] tbody tr:has-text('storefront')");

        await session.Page.GetByLabel("Commit message").FillAsync("E2E: try a new image");
        await session.Page.ClickAsync("button:has-text('Commit and push')");

        var result = await session.Page.Locator("[data-testid=commit-result]").InnerTextAsync();
        Assert.StartsWith("Pushed ", result, StringComparison.Ordinal);
        var sha = result.Split(' ')[1];
        // The push detector and the CI runner react to the real push; the page shows the build without a reload.
        await session.Page.WaitForSelectorAsync($"[data-testid=sandbox-builds] tr:has-text('{sha}')", new() { Timeout = 30_000 });
        await session.ScreenshotAsync("sandbox-after-commit");

        // The push was recorded as an event for the application, shown on the Events page.
        await session.GotoAsync("events");
        await session.Page.WaitForSelectorAsync($"[data-testid=events-table] tbody tr:has-text('{sha}'):has-text('accepted')");
        await session.ScreenshotAsync("events-after-commit");
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task DeletePodFromThePage_ReplicaSetReplacesItLive()
    {
        BrowserSession.RequireChromium();
        await using var session = await ConsolePage.OpenAsync(browser, console);
        await session.SignInAsync("admin", console.AdminPassword);
        await session.GotoAsync("sandbox");
        // The operator deploys the seeded applications; their pods show up by watch.
        var pods = session.Page.Locator("[data-testid=sandbox-pods] tbody tr:has-text('storefront')");
        await pods.First.WaitForAsync(new() { Timeout = 90_000 });
        var victim = (await pods.First.Locator("td").Nth(1).InnerTextAsync()).Trim();

        await session.Page.GetByLabel($"Delete pod {victim}").ClickAsync();

        await session.Page.WaitForFunctionAsync(
            "name => ![...document.querySelectorAll('[data-testid=sandbox-pods] tbody tr')].some(r => r.textContent.includes(name))"
            + " && [...document.querySelectorAll('[data-testid=sandbox-pods] tbody tr')].some(r => r.textContent.includes('storefront-'))",
            victim, new() { Timeout = 30_000 });
        await session.ScreenshotAsync("sandbox-workloads");
        Assert.Equal(0, await session.Page.Locator("[data-testid=workload-error]").CountAsync());
        Assert.Empty(session.ConsoleErrors);
    }
}
