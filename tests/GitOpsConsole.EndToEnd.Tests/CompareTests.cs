using Microsoft.Playwright;

namespace GitOpsConsole.EndToEnd.Tests;

/// <summary>A scenario started from the Compare page: both columns fill live, then the metrics table and the charts show.</summary>
public class CompareTests(ConsoleProcess console, BrowserSession browser)
{
    [Fact]
    public async Task StartScenario_FromComparePage_BothColumnsFillLiveAndMetricsAndChartsShow()
    {
        BrowserSession.RequireChromium();
        await using var session = await ConsolePage.OpenAsync(browser, console);
        await session.SignInAsync("admin", console.AdminPassword);
        await session.GotoAsync("compare");
        await session.Page.Locator("[data-testid=scenario-select]").ClickAsync();
        await session.Page.Locator(".mud-popover-open .mud-list-item:has-text('Flaky CI')").ClickAsync();
        await session.Page.EvaluateAsync("() => { window.__e2eSameDocument = true; }");

        await session.Page.Locator("[data-testid=start]").ClickAsync();

        await session.Page.WaitForURLAsync("**/compare?run=*");
        await session.Page.WaitForSelectorAsync("[data-testid=column-workflow] [data-testid=compare-step], [data-testid=scenario-run][data-status=Failed]", new() { Timeout = 60_000 });
        Assert.True(await session.Page.Locator("[data-testid=scenario-run][data-status=Failed]").CountAsync() == 0, await session.Page.InnerTextAsync("body"));
        // Steps appear in both columns while the scenario plays, without a reload.
        await session.Page.WaitForSelectorAsync("[data-testid=column-workflow] [data-testid=compare-step]", new() { Timeout = 60_000 });
        await session.Page.WaitForSelectorAsync("[data-testid=column-agent] [data-testid=compare-step]", new() { Timeout = 60_000 });
        await session.Page.WaitForSelectorAsync("[data-testid=scenario-run][data-status=Finished]", new() { Timeout = 90_000 });
        Assert.True(await session.Page.EvaluateAsync<bool>("() => window.__e2eSameDocument === true"), "the page reloaded instead of filling live");

        // "Finished" can render a moment before the agent column's last steps arrive through its own feed.
        try
        {
            await session.Page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('[data-testid=column-agent] [data-testid=compare-step]')].filter(e => e.dataset.tool === 'ci.trigger_build').length >= 2",
                null, new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            var output = console.Output;
            Assert.Fail($"The agent column never showed two builds. The page:\n{await session.Page.InnerTextAsync("main")}\nThe console's last output:\n{output[Math.Max(0, output.Length - 20_000)..]}");
        }

        var agentTools = await session.Page.Locator("[data-testid=column-agent] [data-testid=compare-step]").EvaluateAllAsync<string[]>("s => s.map(e => e.dataset.tool)");
        Assert.Equal(2, agentTools.Count(t => t == "ci.trigger_build"));
        var workflowTools = await session.Page.Locator("[data-testid=column-workflow] [data-testid=compare-step]").EvaluateAllAsync<string[]>("s => s.map(e => e.dataset.tool)");
        Assert.Equal(["ci.trigger_build", "ci.get_build"], workflowTools);
        Assert.Equal(["Outcome", "Failed", "Succeeded"], (await session.Page.Locator("[data-testid=metrics] tr[data-metric=Outcome] td").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal(12, await session.Page.Locator("[data-testid=metrics] tbody tr").CountAsync());
        Assert.Equal(6, await session.Page.Locator("[data-testid=criteria] tbody tr").CountAsync());
        Assert.Contains("Agent wins", await session.Page.Locator("[data-testid=verdict]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await session.Page.Locator("[data-testid=durations-chart] svg").CountAsync() > 0, "no step-duration chart");
        await session.Page.WaitForSelectorAsync("[data-testid=matrix] tr[data-scenario=flaky-ci]");
        Assert.True(await session.Page.Locator("[data-testid=matrix-chart] svg").CountAsync() > 0, "no matrix chart");
        await session.ScreenshotAsync("compare");
        Assert.Empty(session.ConsoleErrors);
    }
}
