using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Web.Drift;

namespace GitOpsConsole.Web.Api;

/// <summary>
/// <c>GET /api/apps/{app}/drift</c>'s answer: the application's desired-vs-live comparison per object and field, from
/// its operator — Argo CD's diff (its managed resources) for <c>Operator: ArgoCd</c>, the embedded comparison otherwise.
/// </summary>
internal static class AppDriftJson
{
    public static object From(Application app, ApplicationInspection inspection, ArgoCdDriftView? argo) => new
    {
        app = app.Name,
        @operator = app.Operator,
        source = app.Operator == OperatorKind.ArgoCd ? "Argo CD" : "embedded operator",
        argoApplication = argo?.ArgoApplication,
        sync = inspection.Status.Sync,
        health = inspection.Status.Health,
        revision = inspection.Status.Revision,
        observedAt = inspection.Status.ObservedAt,
        objects = inspection.Objects.Select(o => new
        {
            group = o.Key.Group, kind = o.Key.Kind, @namespace = o.Key.Namespace, name = o.Key.Name, apiVersion = o.ApiVersion,
            sync = o.Sync, health = o.Health.Status, diff = o.Diff?.Kind ?? ResourceDiffKind.Equal,
            fields = (o.Diff?.Fields ?? []).Select(f => new { path = DriftPointer.FromPath(f.Path), desired = f.Desired, live = f.Live }),
        }),
    };

    /// <summary>Argo CD refused or failed: 502 with what it said and what to fix, never a 500.</summary>
    public static IResult Unreadable(ArgoCdDriftView view) => Results.Problem(
        $"Could not read {view.Application} (Argo CD application {view.ArgoApplication}) from Argo CD: {view.Error}",
        statusCode: StatusCodes.Status502BadGateway, title: "Argo CD could not be read");
}
