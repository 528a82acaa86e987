using GitOpsConsole.Tests;

namespace GitOpsConsole.EndToEnd.Tests;

public class DriftPageTests(ConsoleProcess console, BrowserSession browser)
{
    [Fact]
    public async Task KubectlScaleOfCatalog_FindingAppearsOnTheOpenPageWithoutReload()
    {
        BrowserSession.RequireChromium();
        var kubectl = FindKubectl();
        await using var session = await ConsolePage.OpenAsync(browser, console);
        await session.SignInAsync("admin", console.AdminPassword);
        await session.GotoAsync("drift");
        var catalog = session.Page.Locator("[data-testid=drift-app-catalog]");
        await catalog.Locator("[data-testid=app-sync]:has-text('Synced')").WaitForAsync(new() { Timeout = 90_000 });
        await session.ScreenshotAsync("drift-clean");
        var desired = (await KubectlAsync(kubectl, "get", "deployment", "catalog", "-n", "catalog", "-o", "jsonpath={.spec.replicas}")).Trim();

        await KubectlAsync(kubectl, "scale", "deployment", "catalog", "-n", "catalog", "--replicas=4");

        try
        {
            // The open page learns of it by push: no navigation happens between the scale and these waits.
            var finding = catalog.Locator("[data-testid=drift-finding]:has-text('/spec/replicas')");
            await finding.WaitForAsync(new() { Timeout = 30_000 });
            await catalog.Locator("[data-testid=app-sync]:has-text('OutOfSync')").WaitForAsync(new() { Timeout = 30_000 });
            Assert.Equal("4", (await finding.Locator("[data-testid=finding-live]").InnerTextAsync()).Trim());
            Assert.Equal(1, await catalog.Locator("tr.diff-changed").CountAsync());
            await session.ScreenshotAsync("drift-catalog-scaled");
            Assert.Empty(session.ConsoleErrors);
        }
        finally
        {
            // The console is shared by the other browser tests: leave catalog as Git wants it.
            await KubectlAsync(kubectl, "scale", "deployment", "catalog", "-n", "catalog", $"--replicas={desired}");
        }

        await catalog.Locator("[data-testid=no-drift]").WaitForAsync(new() { Timeout = 30_000 });
    }

    private static string FindKubectl()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "kubectl")).FirstOrDefault(File.Exists);
        if (found is null)
        {
            var reason = "kubectl not found on PATH (install kubernetes-client)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        return found;
    }

    private async Task<string> KubectlAsync(string kubectl, params string[] args)
    {
        var result = await ToolProcess.RunAsync(kubectl, null, ["--kubeconfig", Path.Combine(console.DataDirectory, "sandbox", "kubeconfig"), .. args], TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {result.Error}");
        return result.Output;
    }
}
