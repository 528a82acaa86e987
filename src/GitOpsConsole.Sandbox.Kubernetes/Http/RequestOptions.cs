using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Selectors;
using GitOpsConsole.Sandbox.Kubernetes.Store;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>Query-string and header options shared by the verbs.</summary>
internal static class RequestOptions
{
    public static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public static bool Flag(HttpRequest request, string name) =>
        Query(request, name) is { } v && (v.Length == 0 || v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1");

    public static long? Long(HttpRequest request, string name)
    {
        var text = Query(request, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid {name}: \"{text}\" is not an integer");
    }

    public static ListQuery ListQuery(HttpRequest request, IObjectConverter? converter = null) => new(
        LabelSelector.Parse(Query(request, "labelSelector")),
        FieldSelector.Parse(converter is null ? Query(request, "fieldSelector") : converter.TranslateFieldSelector(Query(request, "fieldSelector"))),
        (int)Math.Clamp(Long(request, "limit") ?? 0, 0, int.MaxValue),
        string.IsNullOrEmpty(Query(request, "continue")) ? null : Query(request, "continue"));

    /// <summary>The field manager: explicit, else the user agent's product name, as the API server derives it.</summary>
    public static string FieldManager(HttpRequest request)
    {
        if (Query(request, "fieldManager") is { Length: > 0 } manager)
        {
            return manager;
        }
        var agent = request.Headers.UserAgent.ToString();
        var slash = agent.IndexOf('/', StringComparison.Ordinal);
        var name = slash > 0 ? agent[..slash] : agent;
        return name.Length == 0 ? "unknown" : name;
    }

    public static bool DryRun(HttpRequest request) => Query(request, "dryRun") == "All";

    public static DeleteOptions DeleteOptions(HttpRequest request, JsonObject? body)
    {
        var policy = Query(request, "propagationPolicy") ?? Meta.Str(body, "propagationPolicy");
        if (body?["orphanDependents"] is JsonValue orphan && orphan.TryGetValue<bool>(out var o) && o)
        {
            policy ??= "Orphan";
        }
        var propagation = policy switch
        {
            null or "" or "Background" => Propagation.Background,
            "Foreground" => Propagation.Foreground,
            "Orphan" => Propagation.Orphan,
            _ => throw ApiException.BadRequest($"invalid propagationPolicy \"{policy}\": must be Orphan, Foreground or Background"),
        };
        var dryRun = DryRun(request) || (body?["dryRun"] is JsonArray d && d.Any(x => x?.ToString() == "All"));
        return new DeleteOptions(propagation, Meta.Str(body?["preconditions"], "uid"), Meta.Str(body?["preconditions"], "resourceVersion"), dryRun);
    }
}
