namespace GitOpsConsole.EndToEnd.Tests;

public class EventsPageTests(ConsoleProcess console, BrowserSession browser)
{
    [Fact]
    public async Task ManualEventThroughTheApi_AppearsLiveOnTheEventsPage()
    {
        BrowserSession.RequireChromium();
        await using var session = await ConsolePage.OpenAsync(browser, console);
        await session.SignInAsync("admin", console.AdminPassword);
        await session.GotoAsync("events");

        // The signed-in browser posts the event with its own cookie, as a script with a session would.
        var status = await session.Page.EvaluateAsync<int>("""
            async () => (await fetch('api/events', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ kind: 'manual', app: 'payments', message: 'e2e manual deploy' }) })).status
            """);

        Assert.Equal(202, status);
        await session.Page.WaitForSelectorAsync("[data-testid=events-table] tbody tr:first-child:has-text('e2e manual deploy')");
        Assert.Empty(session.ConsoleErrors);
    }
}
