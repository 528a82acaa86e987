using System.Net;
using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Data.Auditing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Host;

public class SignInTests
{
    private static HttpClient Browser(ConsoleFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<IReadOnlyList<Core.Domain.AuditEntry>> AuditAsync(ConsoleFactory factory, string action) =>
        (await factory.Services.GetRequiredService<AuditQuery>().PageAsync(new AuditFilter(Action: action), 0, 50)).Items;

    [Fact]
    public async Task Overview_Anonymous_RedirectsToSignIn()
    {
        await using var factory = new ConsoleFactory();
        using var client = Browser(factory);

        var response = await client.GetAsync(new Uri("/audit", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstStart_NoUsers_WritesOnlyTheGeneratedAdminPassword()
    {
        await using var factory = new ConsoleFactory();
        using var client = Browser(factory);
        await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        var password = factory.AdminPassword;

        Assert.Equal(20, password.Length);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(Path.Combine(factory.DataDirectory, "initial-admin-password")) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        var admin = await factory.Services.GetRequiredService<Data.Users.UserStore>().FindAsync("admin", TestContext.Current.CancellationToken);
        Assert.NotNull(admin);
        Assert.DoesNotContain(password, admin.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_GeneratedPassword_SetsCookieOpensOverviewAndAudits()
    {
        await using var factory = new ConsoleFactory();
        using var client = Browser(factory);
        await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        var response = await SignInForm.PostAsync(client, "admin", factory.AdminPassword, "/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/audit"), response.Headers.Location);
        var overview = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var html = await overview.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("storefront", html, StringComparison.Ordinal);
        var signIn = Assert.Single(await AuditAsync(factory, AuditActions.SignIn));
        Assert.True(signIn.Succeeded);
        Assert.Equal("admin", signIn.Actor);
    }

    [Fact]
    public async Task SignIn_ExternalReturnUrl_StaysOnTheConsole()
    {
        await using var factory = new ConsoleFactory();
        using var client = Browser(factory);
        await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        var response = await SignInForm.PostAsync(client, "admin", factory.AdminPassword, "//evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/"), response.Headers.Location);
    }

    [Fact]
    public async Task SignIn_WrongPassword_RefusedAndAuditedAsFailure()
    {
        await using var factory = new ConsoleFactory();
        using var client = Browser(factory);

        var response = await SignInForm.PostAsync(client, "admin", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is wrong.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("gitops-console.auth", StringComparison.Ordinal)));
        var failure = Assert.Single(await AuditAsync(factory, AuditActions.SignIn));
        Assert.False(failure.Succeeded);
        Assert.Equal("wrong password", failure.Detail);
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_RefusesEvenTheRightPassword()
    {
        await using var factory = new ConsoleFactory(("GitOps:Auth:MaxFailedSignIns", "5"));
        using var client = Browser(factory);
        for (var i = 0; i < 5; i++)
        {
            await SignInForm.PostAsync(client, "admin", $"guess-{i}");
        }

        var response = await SignInForm.PostAsync(client, "admin", factory.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Too many failed sign-ins", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var lockout = Assert.Single(await AuditAsync(factory, AuditActions.SignInLockedOut));
        Assert.False(lockout.Succeeded);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        await using var factory = new ConsoleFactory();
        using var client = Browser(factory);
        await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.UserName"] = "admin",
            ["Input.Password"] = factory.AdminPassword,
        });

        var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await AuditAsync(factory, AuditActions.SignIn));
    }

    [Fact]
    public async Task SignOut_WithToken_EndsTheSession()
    {
        await using var factory = new ConsoleFactory();
        using var client = Browser(factory);
        await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        await SignInForm.PostAsync(client, "admin", factory.AdminPassword);
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var refused = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        var signedOut = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Single(await AuditAsync(factory, AuditActions.SignOut));
    }

    [Fact]
    public async Task LocalTrust_OnLoopback_OpensWithoutSignIn()
    {
        await using var factory = new ConsoleFactory(("GitOps:Auth:Mode", "LocalTrust"));
        using var client = Browser(factory);

        var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("catalog", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
