using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Data.Operator;

namespace GitOpsConsole.Web.Api;

/// <summary>The JSON shapes of the apps and drift API (DESIGN §5), in one place so the endpoints agree.</summary>
internal static class ApiJson
{
    public static object App(Application app, ApplicationStatus? status, int driftCount, Run? lastRun) => new
    {
        name = app.Name,
        environment = app.Environment,
        engine = app.Engine,
        @operator = app.Operator,
        sync = status?.Sync ?? SyncStatus.Unknown,
        health = status?.Health ?? HealthStatus.Unknown,
        driftCount,
        lastRun = LastRun(lastRun),
    };

    /// <summary>The application's newest run in brief; <c>GET /api/runs/{id}</c> has the rest.</summary>
    public static object? LastRun(Run? run) => run is null ? null : new
    {
        id = run.Id, engine = run.Engine, status = run.Status, reason = run.Reason, image = run.Image,
        createdAt = run.CreatedAt, startedAt = run.StartedAt, finishedAt = run.FinishedAt,
    };

    public static object Resource(ResourceStatus r) => new
    {
        group = r.Resource.Group, kind = r.Resource.Kind, @namespace = r.Resource.Namespace, name = r.Resource.Name,
        sync = r.Sync, health = r.Health, healthMessage = r.HealthMessage, requiresPruning = r.RequiresPruning,
    };

    public static object Finding(DriftFindingView view) => new
    {
        id = view.Finding.Id,
        app = view.Application,
        @object = new { group = view.Finding.Group, kind = view.Finding.Kind, @namespace = view.Finding.Namespace, name = view.Finding.Name },
        path = view.Finding.Path,
        desired = StoredJson.Value(view.Finding.Desired),
        live = StoredJson.Value(view.Finding.Live),
        detectedAt = view.Finding.DetectedAt,
        resolvedAt = view.Finding.ResolvedAt,
        resolution = view.Finding.Resolution,
        resolvedBy = view.Finding.ResolvedBy,
    };

    public static object Sync(SyncRecord record) => new
    {
        revision = record.Revision,
        phase = record.Phase,
        message = record.Message,
        initiatedBy = record.InitiatedBy,
        startedAt = record.StartedAt,
        finishedAt = record.FinishedAt,
        resources = SyncHistory.ResourcesOf(record),
    };

    /// <summary>A deployment in Argo CD's history, in the shape of <see cref="Sync(SyncRecord)"/>: no per-object results, its history id.</summary>
    public static object Deployed(SyncHistoryEntry entry) => new
    {
        revision = entry.Revision,
        phase = entry.Result,
        message = entry.Message,
        initiatedBy = entry.InitiatedBy,
        startedAt = (DateTimeOffset?)null,
        finishedAt = entry.At,
        resources = Array.Empty<object>(),
        historyId = entry.HistoryId,
    };

    public static object Rule(DriftIgnoreRule rule, string app) => new
    {
        id = rule.Id, app, group = rule.Group, kind = rule.Kind, name = rule.Name, path = rule.JsonPointer,
        createdBy = rule.CreatedBy, createdAt = rule.CreatedAt,
    };
}
