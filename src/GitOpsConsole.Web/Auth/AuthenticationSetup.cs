using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace GitOpsConsole.Web.Auth;

internal static class AuthenticationSetup
{
    public const string SignInPath = "/account/sign-in";
    public const string ConsoleScheme = "Console";

    public static void AddConsoleAuthentication(this IServiceCollection services, AuthOptions auth)
    {
        var interactive = auth.Mode == AuthMode.LocalTrust ? LocalTrustHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme;
        var authentication = services.AddAuthentication(ConsoleScheme);
        // Scripts authenticate with a bearer token; browsers with the cookie (or LocalTrust).
        authentication.AddPolicyScheme(ConsoleScheme, "Cookie or API token", policy => policy.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? ApiTokenHandler.SchemeName
                : interactive);
        authentication.AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        authentication.AddCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "gitops-console.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(auth.SessionHours);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        if (auth.Mode == AuthMode.LocalTrust)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, LocalTrustHandler>(LocalTrustHandler.SchemeName, null);
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ConsoleRoles.CanOperate, p => p.RequireRole(ConsoleRoles.Operator))
            .AddPolicy(ConsoleRoles.CanAdminister, p => p.RequireRole(ConsoleRoles.Admin));
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();

        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<InitialAdmin>();
        services.AddSingleton<ApiTokenStore>();
    }

    // Scripts and API clients get a status code; browsers get the sign-in page.
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/webhooks"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
