namespace GitOpsConsole.EndToEnd.Tests;

/// <summary>Signs in as the generated admin and opens every page in both themes, as a person would.</summary>
public class PageTourTests(ConsoleProcess console, BrowserSession browser)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "overview", "", "[data-testid=applications] tbody tr" },
        { "audit", "audit", "[data-testid=audit-table] tbody tr" },
        { "sandbox", "sandbox", "[data-testid=sandbox-components] tbody tr" },
        { "events", "events", "[data-testid=events-table]" },
        { "users", "users", "[data-testid=users-table] tbody tr" },
        { "change-password", "account/password", "[data-testid=new-password]" },
        { "not-found", "no-such-page", "text=There is no page at this address" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_SignedInAsAdmin_RendersInBothThemesWithoutConsoleErrors(string name, string path, string readySelector)
    {
        BrowserSession.RequireChromium();
        foreach (var dark in new[] { false, true })
        {
            await using var session = await ConsolePage.OpenAsync(browser, console, dark);
            await session.SignInAsync("admin", console.AdminPassword);

            await session.GotoAsync(path);
            await session.Page.WaitForSelectorAsync(readySelector);
            await session.Page.WaitForSelectorAsync("[data-testid=signed-in-user]:has-text('admin')");
            await session.ScreenshotAsync($"{name}-{(dark ? "dark" : "light")}");

            // The browser reports the 404 status of the not-found document itself; that one is expected.
            Assert.DoesNotContain(session.ConsoleErrors, e => !(name == "not-found" && e.Contains("status of 404", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task SignInPage_BothThemes_RendersWithoutConsoleErrors()
    {
        BrowserSession.RequireChromium();
        foreach (var dark in new[] { false, true })
        {
            await using var session = await ConsolePage.OpenAsync(browser, console, dark);

            await session.Page.GotoAsync("");
            await session.Page.WaitForSelectorAsync("#username");
            await session.ScreenshotAsync($"sign-in-{(dark ? "dark" : "light")}");

            Assert.Contains("/account/sign-in", session.Page.Url, StringComparison.Ordinal);
            Assert.Empty(session.ConsoleErrors);
        }
    }

    [Fact]
    public async Task Overview_SignedIn_ListsTheConfiguredApplicationsAndReadiness()
    {
        BrowserSession.RequireChromium();
        await using var session = await ConsolePage.OpenAsync(browser, console);
        await session.SignInAsync("admin", console.AdminPassword);

        // The console is shared with the scenario lab's tests; their twin applications stay off the Overview.
        var names = await session.Page.Locator("[data-testid=applications] tbody tr td:first-child strong").AllInnerTextsAsync();
        Assert.Equal(["catalog", "payments", "storefront"], names);
        await session.Page.WaitForSelectorAsync("[data-testid=health-indicator]:has-text('Ready')");
        // The embedded operator deploys the seeded applications from Git into the sandbox cluster; the rows turn green by push.
        const string seededRows = "[...document.querySelectorAll('[data-testid=applications] tbody tr')]";
        await session.Page.WaitForFunctionAsync(
            $"() => {seededRows}.filter(r => r.querySelector('[data-testid=health-status]')?.textContent.includes('Healthy')).length === 3",
            null, new() { Timeout = 90_000 });
        Assert.Equal(3, await session.Page.EvaluateAsync<int>($"() => {seededRows}.filter(r => r.querySelector('[data-testid=sync-status]')?.textContent.includes('Synced')).length"));
        await session.ScreenshotAsync("overview-deployed");
    }
}
