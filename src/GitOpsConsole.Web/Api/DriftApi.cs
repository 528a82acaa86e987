using System.Security.Claims;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.Drift;

namespace GitOpsConsole.Web.Api;

/// <summary>
/// <c>GET /api/drift</c> (findings, DESIGN §5), <c>GET /api/apps/{app}/drift</c> (the operator's diff now: Argo CD's for
/// Argo CD applications) and <c>POST /api/drift/ignore</c> (Operators).
/// </summary>
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

        endpoints.MapGet("/api/apps/{app}/drift", async (string app, ApplicationCatalog catalog, ArgoCdDriftRefresher argo, Operator.OperatorService embedded, CancellationToken ct) =>
        {
            if (await catalog.FindAsync(app, ct) is not { } application)
            {
                return ApiErrors.UnknownApp(app);
            }

            if (application.Operator == Core.Domain.OperatorKind.ArgoCd)
            {
                var view = await argo.RefreshAsync(application, ct);
                return view.Inspection is { } read ? Results.Ok(AppDriftJson.From(application, read.Inspection, view)) : AppDriftJson.Unreadable(view);
            }

            if (!embedded.IsAvailable)
            {
                return Results.Problem("The embedded operator has no cluster to compare with (GitOps:Kubernetes is not set and the sandbox is off).",
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "No cluster");
            }

            var inspection = embedded.LatestInspection(app) ?? await embedded.InspectAsync(application, fetch: false, ct);
            return Results.Ok(AppDriftJson.From(application, inspection, null));
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
