using Microsoft.Playwright;

namespace GitOpsConsole.EndToEnd.Tests;

/// <summary>One browser context on the console: records console errors, signs in, takes screenshots.</summary>
internal sealed class ConsolePage : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly IBrowserContext _context;

    private ConsolePage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Add($"{page.Url}: {error}");
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors => _errors;

    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("GITOPS_SCREENSHOTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    public static async Task<ConsolePage> OpenAsync(BrowserSession browser, ConsoleProcess console, bool dark = false)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = console.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        await context.AddCookiesAsync([new Cookie { Name = "gitops-theme", Value = dark ? "dark" : "light", Url = console.BaseAddress.ToString() }]);
        var page = await context.NewPageAsync();
        // Upper bounds, not expectations: a cold console (first sign-in JITs and renders everything) on a busy CI machine
        // has taken more than 15 s to load a page.
        page.SetDefaultTimeout(30_000);
        return new ConsolePage(context, page);
    }

    public async Task SignInAsync(string userName, string password)
    {
        await Page.GotoAsync("account/sign-in");
        await Page.FillAsync("#username", userName);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        await WaitInteractiveAsync();
    }

    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitInteractiveAsync();
    }

    public Task WaitInteractiveAsync() => Page.WaitForSelectorAsync("body[data-interactive=true]");

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
