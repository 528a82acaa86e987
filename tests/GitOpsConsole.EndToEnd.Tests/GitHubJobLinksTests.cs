using System.Net.Http.Json;
using System.Text.Json;
using GitOpsConsole.Integrations.Tests.GitHub;

namespace GitOpsConsole.EndToEnd.Tests;

/// <summary>The run page of a GitHub Actions build: its CI step links to the run and to each job's log on GitHub.</summary>
public sealed class GitHubJobLinksTests(BrowserSession browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunPage_GitHubActionsBuildFailed_CiStepLinksTheRunAndEachJobLog()
    {
        BrowserSession.RequireChromium();
        await using var github = await FakeGitHub.StartAsync();
        github.OnDispatch = input =>
        {
            var commit = (string)input["inputs"]!["commit"]!;
            github.Jobs.Add(FakeGitHub.NewJob(7001, 9301, "build", "success"));
            github.Jobs.Add(FakeGitHub.NewJob(7002, 9301, "integration tests", "failure"));
            return FakeGitHub.NewRun(9301, $"build {commit} {input["inputs"]!["gitops_request"]}", "completed", "failure", commit);
        };
        await using var console = new ConsoleProcess(Path.Combine(Path.GetTempPath(), "gitops-e2e", Guid.NewGuid().ToString("N")), ownsData: true,
            "--GitOps:Applications:0:Ci:Provider=GitHubActions", "--GitOps:Applications:0:GitHubRepository=acme/storefront",
            "--GitOps:Applications:0:CommitStatus=None", $"--GitOps:GitHub:ApiUrl={github.ApiUrl}", $"--GitOps:GitHub:Token={FakeGitHub.Token}");
        await console.InitializeAsync();
        await using var session = await ConsolePage.OpenAsync(browser, console);
        await session.SignInAsync("admin", console.AdminPassword);

        var answer = await session.Page.EvaluateAsync<JsonElement>("""
            async () => (await fetch('api/events', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ kind: 'manual', app: 'storefront', commit: 'c0ffee0123456789abcdef0123456789abcdef01', message: 'build on GitHub Actions' }) })).json()
            """);
        await session.GotoAsync($"runs/{answer.GetProperty("runId").GetString()}");
        await session.Page.WaitForSelectorAsync("[data-testid=run-step][data-tool='ci.get_build'] [data-testid=ci-job-link][data-conclusion=failure]", new() { Timeout = 60_000 });

        var links = session.Page.Locator("[data-testid=run-step][data-tool='ci.get_build'] [data-testid=ci-links] a");
        Assert.Equal(
            ["https://github.com/acme/storefront/actions/runs/9301", "https://github.com/acme/storefront/actions/runs/9301/job/7001", "https://github.com/acme/storefront/actions/runs/9301/job/7002"],
            await Task.WhenAll((await links.AllAsync()).Select(l => l.GetAttributeAsync("href"))));
        Assert.Equal("integration tests: failure", (await session.Page.Locator("[data-testid=ci-job-link][data-conclusion=failure]").First.InnerTextAsync()).Trim());
        await session.ScreenshotAsync("run-github-job-links");
        Assert.Empty(session.ConsoleErrors);
    }
}
