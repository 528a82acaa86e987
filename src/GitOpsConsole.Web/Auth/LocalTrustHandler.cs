using System.Text.Encodings.Web;
using GitOpsConsole.Core.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Auth;

/// <summary>
/// <c>GitOps:Auth:Mode=LocalTrust</c>: whoever reaches the console is the local Admin. The start-up
/// gate only allows this while every binding is loopback.
/// </summary>
internal sealed class LocalTrustHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LocalTrust";
    public const string UserName = "local";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var principal = ConsoleRoles.Principal(UserName, UserRole.Admin, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
