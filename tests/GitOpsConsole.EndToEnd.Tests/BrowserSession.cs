using Microsoft.Playwright;

namespace GitOpsConsole.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser). Absent, tests skip with the
/// reason, except under CI=true, where that is a failure.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("GITOPS_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public static bool Available => File.Exists(ChromiumPath);

    public async ValueTask InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public static void RequireChromium()
    {
        if (Available)
        {
            return;
        }

        var reason = $"Chromium not found at {ChromiumPath} (install Debian's chromium or set GITOPS_CHROMIUM)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
