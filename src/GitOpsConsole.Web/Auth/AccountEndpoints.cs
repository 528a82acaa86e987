using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace GitOpsConsole.Web.Auth;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post (with its anti-forgery token) rather than a link, so no page can sign a user out.
        endpoints.MapPost("/account/sign-out", async (HttpContext http, IAntiforgery antiforgery, IAuditLog audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest("The sign-out form expired; reload the page and try again.");
            }

            var name = http.User.Identity?.Name ?? "unknown";
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await audit.RecordAsync(new AuditRecord(name, ActorKind.User, AuditActions.SignOut, name,
                RemoteAddress: http.Connection.RemoteIpAddress?.ToString()), http.RequestAborted);
            return Results.LocalRedirect(AuthenticationSetup.SignInPath);
        }).DisableAntiforgery();
    }
}
