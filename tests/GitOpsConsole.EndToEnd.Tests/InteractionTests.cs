namespace GitOpsConsole.EndToEnd.Tests;

public class InteractionTests(ConsoleProcess console, BrowserSession browser)
{
    [Fact]
    public async Task WrongPassword_ShowsAnErrorAndStaysOnSignIn()
    {
        BrowserSession.RequireChromium();
        await using var session = await ConsolePage.OpenAsync(browser, console);

        await session.Page.GotoAsync("account/sign-in");
        await session.Page.FillAsync("#username", "admin");
        await session.Page.FillAsync("#password", "certainly-wrong");
        await session.Page.ClickAsync("button[type=submit]");

        await session.Page.WaitForSelectorAsync("[data-testid=sign-in-error]:has-text('wrong')");
        Assert.Contains("/account/sign-in", session.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThemeToggle_Clicked_IsRememberedAfterReload()
    {
        BrowserSession.RequireChromium();
        await using var session = await ConsolePage.OpenAsync(browser, console, dark: false);
        await session.SignInAsync("admin", console.AdminPassword);
        var before = await BackgroundAsync(session);

        await session.Page.ClickAsync("[data-testid=theme-toggle]");
        await session.Page.WaitForFunctionAsync("() => document.cookie.includes('gitops-theme=dark')");
        await session.GotoAsync("");

        Assert.NotEqual(before, await BackgroundAsync(session));
        Assert.Equal("rgb(15, 20, 28)", await BackgroundAsync(session));
    }

    [Fact]
    public async Task AuditPage_SignInFromAnotherBrowser_AppearsWithoutReload()
    {
        BrowserSession.RequireChromium();
        await using var watcher = await ConsolePage.OpenAsync(browser, console);
        await watcher.SignInAsync("admin", console.AdminPassword);
        await watcher.GotoAsync("audit");
        await watcher.Page.WaitForSelectorAsync("[data-testid=audit-table] tbody tr");

        await using var other = await ConsolePage.OpenAsync(browser, console);
        await other.Page.GotoAsync("account/sign-in");
        await other.Page.FillAsync("#username", "mallory-e2e");
        await other.Page.FillAsync("#password", "guess");
        await other.Page.ClickAsync("button[type=submit]");

        await watcher.Page.WaitForSelectorAsync("[data-testid=audit-table] tbody tr:first-child:has-text('mallory-e2e')");
        Assert.Empty(watcher.ConsoleErrors);
    }

    [Fact]
    public async Task Users_AdminAddsViewer_ViewerSignsInAndCannotManageUsers()
    {
        BrowserSession.RequireChromium();
        await using var admin = await ConsolePage.OpenAsync(browser, console);
        await admin.SignInAsync("admin", console.AdminPassword);
        await admin.GotoAsync("users");

        await admin.Page.GetByLabel("New user name").FillAsync("vera");
        await admin.Page.ClickAsync("button:has-text('Add user')");
        var password = await admin.Page.Locator("[data-testid=generated-password]").InnerTextAsync();
        await admin.Page.WaitForSelectorAsync("[data-testid=users-table] tbody tr:has-text('vera')");

        await using var viewer = await ConsolePage.OpenAsync(browser, console);
        await viewer.SignInAsync("vera", password);
        await viewer.Page.WaitForSelectorAsync("[data-testid=signed-in-user]:has-text('Viewer')");
        Assert.Equal(0, await viewer.Page.Locator("a[href=users]").CountAsync());
        await viewer.Page.GotoAsync("users");
        await viewer.Page.WaitForSelectorAsync("text=Your role does not allow");
        Assert.Empty(admin.ConsoleErrors);
        Assert.Empty(viewer.ConsoleErrors);
    }

    private static Task<string> BackgroundAsync(ConsolePage session) =>
        session.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
