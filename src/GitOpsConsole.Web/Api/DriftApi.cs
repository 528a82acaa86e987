using System.Security.Claims;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.Drift;

namespace GitOpsConsole.Web.Api;

/// <summary><c>GET /api/drift</c> (findings, DESIGN §5) and <c>POST /api/drift/ignore</c> (Operators).</summary>
internal static class DriftApi
{
    public static void MapDriftApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/drift", async (string? app, string? status, ApplicationCatalog catalog, DriftStore drift, CancellationToken ct) =>
        {
            if (status is not (null or "" or "open" or "resolved"))
            {
                return ApiErrors.Invalid($"'status' must be open or resolved, got '{status}'.");
            }

            bool? open = string.IsNullOrEmpty(status) ? null : status == "open";

            if (!string.IsNullOrEmpty(app) && await catalog.FindAsync(app, ct) is null)
            {
                return ApiErrors.UnknownApp(app);
            }

            var findings = await drift.ListAsync(app, open, cancellationToken: ct);
            return Results.Ok(findings.Select(ApiJson.Finding));
        });

        endpoints.MapPost("/api/drift/ignore", async (IgnoreRequest? body, ClaimsPrincipal user, DriftIgnore ignore, CancellationToken ct) =>
        {
            if (body is null)
            {
                return ApiErrors.Invalid("The body must be {\"app\", \"group\", \"kind\", \"name\"?, \"path\"}.");
            }

            var outcome = await ignore.IgnoreAsync(body.App ?? "", body.Group, body.Kind, body.Name, body.Path, user.Identity?.Name ?? "unknown", ct);
            return outcome switch
            {
                { Error: { } error } => ApiErrors.Invalid(error),
                { UnknownApp: true } => ApiErrors.UnknownApp(body.App!),
                _ => Results.Ok(new { rule = ApiJson.Rule(outcome.Result!.Rule, body.App!), resolved = outcome.Result.Resolved }),
            };
        }).RequireAuthorization(ConsoleRoles.CanOperate).DisableAntiforgery();
    }

    internal sealed record IgnoreRequest(string? App, string? Group, string? Kind, string? Name, string? Path);
}
