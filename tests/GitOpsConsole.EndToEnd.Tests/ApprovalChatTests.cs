namespace GitOpsConsole.EndToEnd.Tests;

/// <summary>An Operator approves the agent's changes to <c>payments</c> (prod) in the run page's chat panel; the run completes live.</summary>
public class ApprovalChatTests(ConsoleProcess console, BrowserSession browser)
{
    private const string SameDocument = "() => window.__e2eSameDocument === true";

    [Fact]
    public async Task PaymentsPush_ApprovedInTheChatPanel_RunCompletesWithoutReload()
    {
        BrowserSession.RequireChromium();
        await using var session = await ConsolePage.OpenAsync(browser, console);
        await session.SignInAsync("admin", console.AdminPassword);

        var work = await SandboxGit.CloneAsync(console, "payments");
        await SandboxGit.SetRuntimeAsync(work, "starts");
        await File.WriteAllTextAsync(Path.Combine(work, "app", "VERSION"), $"7.{DateTime.UtcNow:HHmmss}.0\n", TestContext.Current.CancellationToken);
        var sha = await SandboxGit.CommitAndPushAsync(work, "Payments: faster refunds");

        var runId = await RunJourneyTests.RunOfCommitAsync(session, "payments", sha);
        await session.GotoAsync($"runs/{runId}");
        await session.Page.EvaluateAsync("() => { window.__e2eSameDocument = true; }");
        var approve = session.Page.Locator("[data-testid=chat-panel] [data-testid=question-card] [data-testid=answer-choice][data-choice=approve]");
        await approve.First.WaitForAsync(new() { Timeout = 120_000 });
        Assert.Equal("WaitingForInput", await session.Page.Locator("[data-testid=run-header] [data-testid=run-status]").GetAttributeAsync("data-status"));
        Assert.Equal("1", (await session.Page.Locator("[data-testid=questions-badge] .mud-badge").InnerTextAsync()).Trim());
        await session.ScreenshotAsync("run-waiting-for-approval");
        await session.Page.ClickAsync("[data-testid=questions-button]");
        await session.Page.Locator("[data-testid=questions-panel] [data-testid=question-card]").First.WaitForAsync();
        await session.ScreenshotAsync("questions-drawer");
        await session.Page.ClickAsync("[data-testid=questions-close]");
        await session.Page.Locator("[data-testid=questions-panel]").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });

        // Every mutation of payments asks (build, deploy commit, sync): approve each as it appears, until the run ends.
        var ended = session.Page.Locator("[data-testid=run-header] [data-testid=run-status]:is([data-status=Succeeded], [data-status=Failed], [data-status=RolledBack], [data-status=Cancelled], [data-status=Escalated])");
        var approvals = 0;
        while (await ended.CountAsync() == 0)
        {
            var next = await Task.WhenAny(
                approve.First.WaitForAsync(new() { Timeout = 120_000 }),
                ended.WaitForAsync(new() { Timeout = 120_000 }));
            await next;
            if (await ended.CountAsync() == 0 && await approve.CountAsync() > 0)
            {
                // The next question can appear right after this one is answered, so wait for this very card to go.
                var question = await session.Page.Locator("[data-testid=chat-panel] [data-testid=question-card]:has([data-choice=approve])").First.GetAttributeAsync("data-question");
                await approve.First.ClickAsync();
                approvals++;
                await session.Page.Locator($"[data-testid=chat-panel] [data-testid=question-card][data-question='{question}']")
                    .WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached, Timeout = 30_000 });
            }
        }

        var status = await RunJourneyTests.FinalStatusAsync(session);
        Assert.True(status == "Succeeded", $"the run ended {status}: {await session.Page.Locator("[data-testid=run-reason]").InnerTextAsync()}");
        Assert.Equal(3, approvals);
        Assert.True(await session.Page.EvaluateAsync<bool>(SameDocument), "the run page reloaded");
        Assert.Equal(3, await session.Page.Locator("[data-testid=chat-entry][data-kind=question]").CountAsync());
        Assert.Equal(0, await session.Page.Locator("[data-testid=questions-badge] .mud-badge:visible").CountAsync());
        await session.ScreenshotAsync("run-approved");
        Assert.Empty(session.ConsoleErrors);
    }
}
