using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.ArgoCd;

/// <summary>Reads Argo CD's JSON (camelCase <c>v1alpha1</c> types) into the console's records; absent fields are empty, never errors.</summary>
internal static class ArgoCdJson
{
    public static ArgoApplication Application(JsonObject json)
    {
        var status = JsonRead.Node(json, "status");
        return new ArgoApplication(
            JsonRead.Str(json, "metadata", "name") ?? "",
            JsonRead.Str(json, "spec", "source", "targetRevision"),
            JsonRead.Str(status, "sync", "revision"),
            JsonRead.Str(status, "sync", "status") ?? "Unknown",
            JsonRead.Str(status, "health", "status") ?? "Unknown",
            JsonRead.Str(status, "health", "message") ?? "",
            JsonRead.Node(json, "spec", "syncPolicy", "automated") is JsonObject,
            [.. JsonRead.Objects(status, "resources").Select(r => new ArgoResourceStatus(
                S(r, "group"), S(r, "version"), S(r, "kind"), S(r, "namespace"), S(r, "name"), JsonRead.Str(r, "status") ?? "Unknown",
                JsonRead.Str(r, "health", "status") ?? "", JsonRead.Str(r, "health", "message") ?? "", JsonRead.Bool(r, "requiresPruning")))],
            [.. JsonRead.Objects(status, "history").Select(History)],
            JsonRead.Node(status, "operationState") is JsonObject op ? Operation(op) : null,
            JsonRead.Objects(status, "conditions").Select(c => JsonRead.Str(c, "message")).FirstOrDefault(m => m is not null));
    }

    private static ArgoHistoryEntry History(JsonObject h) => new(
        JsonRead.Number(h, "id") ?? 0, S(h, "revision"), Time(h, "deployedAt"), Time(h, "deployStartedAt"),
        JsonRead.Str(h, "initiatedBy", "username") is { Length: > 0 } user ? user : JsonRead.Bool(h, "initiatedBy", "automated") ? "automated" : "");

    public static ArgoManagedResource Managed(JsonObject r) => new(
        S(r, "group"), S(r, "kind"), S(r, "namespace"), S(r, "name"),
        Blank(JsonRead.Str(r, "targetState")), Blank(JsonRead.Str(r, "normalizedLiveState") ?? JsonRead.Str(r, "liveState")), JsonRead.Bool(r, "modified"));

    public static ArgoTreeNode Node(JsonObject n) => new(
        S(n, "group"), S(n, "version"), S(n, "kind"), S(n, "namespace"), S(n, "name"),
        JsonRead.Str(n, "health", "status"), JsonRead.Str(n, "health", "message"),
        [.. JsonRead.Objects(n, "parentRefs").Select(p => $"{S(p, "kind")}/{S(p, "name")}")]);

    public static ArgoEvent Event(JsonObject e) => new(
        S(e, "type"), S(e, "reason"), S(e, "message"), JsonRead.Str(e, "involvedObject", "kind") ?? "", JsonRead.Str(e, "involvedObject", "name") ?? "",
        Time(e, "lastTimestamp"), (int)(JsonRead.Number(e, "count") ?? 1));

    private static ArgoOperationState Operation(JsonObject op) => new(
        JsonRead.Str(op, "phase") ?? "Running",
        JsonRead.Str(op, "message") ?? "",
        JsonRead.Str(op, "syncResult", "revision"),
        Time(op, "startedAt"),
        Time(op, "finishedAt"),
        [.. JsonRead.Objects(op, "syncResult", "resources").Select(r => new ArgoSyncedResource(
            S(r, "group"), S(r, "kind"), S(r, "namespace"), S(r, "name"), S(r, "status"), S(r, "message")))]);

    private static string S(JsonObject o, string name) => JsonRead.Str(o, name) ?? "";

    // Argo CD sends the literal "null" for an absent side of a managed resource.
    private static string? Blank(string? state) => string.IsNullOrEmpty(state) || state == "null" ? null : state;

    private static DateTimeOffset? Time(JsonObject o, string name) =>
        DateTimeOffset.TryParse(JsonRead.Str(o, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
