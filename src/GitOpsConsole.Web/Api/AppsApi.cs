using System.Security.Claims;
using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.Operator;

namespace GitOpsConsole.Web.Api;

/// <summary><c>/api/apps</c>: the applications with sync, health and open drift; manual sync and the self-heal switch (Operators).</summary>
internal static class AppsApi
{
    public static void MapAppsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/apps", async (ApplicationCatalog catalog, ApplicationStatusFeed statuses, DriftStore drift, RunQuery runs, CancellationToken ct) =>
        {
            var counts = await drift.OpenCountsAsync(ct);
            var latest = await runs.LatestPerApplicationAsync(ct);
            var apps = await catalog.ListConfiguredAsync(ct);
            return Results.Ok(apps.Select(a => ApiJson.App(a, statuses.Latest.GetValueOrDefault(a.Name), counts.GetValueOrDefault(a.Name), latest.GetValueOrDefault(a.Name))));
        });

        endpoints.MapGet("/api/apps/{name}", async (string name, ApplicationCatalog catalog, ApplicationStatusFeed statuses, DriftStore drift,
            OperatorService operatorService, IOperatorTool operators, RunQuery runs, CancellationToken ct) =>
        {
            if (await catalog.FindAsync(name, ct) is not { } app)
            {
                return ApiErrors.UnknownApp(name);
            }

            var status = statuses.Latest.GetValueOrDefault(name);
            var open = await drift.ListAsync(name, open: true, cancellationToken: ct);
            var (syncs, syncsError) = await SyncsAsync(app, operatorService, operators, ct);
            var latest = await runs.PageAsync(new RunFilter(app.Name), 0, 1, ct);
            return Results.Ok(new
            {
                name = app.Name, environment = app.Environment, engine = app.Engine, @operator = app.Operator,
                sync = status?.Sync ?? SyncStatus.Unknown, health = status?.Health ?? HealthStatus.Unknown, driftCount = open.Count,
                lastRun = ApiJson.LastRun(latest.Items is [var newest, ..] ? newest.Run : null),
                @namespace = app.Namespace, repository = app.RepositoryUrl, branch = app.Branch, path = app.Path,
                revision = status?.Revision, healthMessage = status?.HealthMessage, error = status?.Error,
                automated = app.AutomatedSync, selfHeal = app.EffectiveSelfHeal, prune = app.Prune,
                resources = (status?.Resources ?? []).Select(ApiJson.Resource),
                drift = open.Select(ApiJson.Finding),
                syncs,
                syncsError,
            });
        });

        endpoints.MapPost("/api/apps/{name}/sync", async (string name, SyncRequest? body, ClaimsPrincipal user, ApplicationCatalog catalog,
            ManualSync manual, CancellationToken ct) =>
        {
            if (await catalog.FindAsync(name, ct) is not { } app)
            {
                return ApiErrors.UnknownApp(name);
            }

            var started = await manual.StartAsync(app, body?.Revision, user.Identity?.Name ?? "unknown", ct);
            return started.Error is { } error
                ? ApiErrors.Invalid(error)
                : Results.Json(new { app = app.Name, revision = started.Revision, initiatedBy = started.InitiatedBy }, statusCode: StatusCodes.Status202Accepted);
        }).RequireAuthorization(ConsoleRoles.CanOperate).DisableAntiforgery();

        endpoints.MapPut("/api/apps/{name}/self-heal", async (string name, SelfHealRequest? body, ClaimsPrincipal user, SelfHealSwitch selfHeal, CancellationToken ct) =>
        {
            if (body?.Enabled is not { } enabled)
            {
                return ApiErrors.Invalid("The body must be {\"enabled\": true|false}.");
            }

            var app = await selfHeal.SetAsync(name, enabled, user.Identity?.Name ?? "unknown", ct);
            return app is null ? ApiErrors.UnknownApp(name) : Results.Ok(new { name = app.Name, selfHeal = app.EffectiveSelfHeal, declared = app.SelfHeal });
        }).RequireAuthorization(ConsoleRoles.CanOperate).DisableAntiforgery();
    }

    /// <summary>
    /// The application's last syncs: the embedded operator's records, or the deployments in Argo CD's history for an
    /// Argo CD application (an unreadable Argo CD leaves them empty and says why; the rest of the answer stands).
    /// </summary>
    private static async Task<(IEnumerable<object> Syncs, string? Error)> SyncsAsync(Application app, OperatorService embedded, IOperatorTool operators, CancellationToken ct)
    {
        if (app.Operator != OperatorKind.ArgoCd)
        {
            return ((await embedded.HistoryAsync(app, ct)).Select(ApiJson.Sync), null);
        }

        try
        {
            return ((await operators.HistoryAsync(app, ct)).Select(ApiJson.Deployed), null);
        }
        catch (Exception ex) when (Integrations.ArgoCd.ArgoCdFailures.IsReadFailure(ex, ct))
        {
            return ([], $"Argo CD's history could not be read: {ex.Message}");
        }
    }

    internal sealed record SyncRequest(string? Revision);

    internal sealed record SelfHealRequest(bool? Enabled);
}
