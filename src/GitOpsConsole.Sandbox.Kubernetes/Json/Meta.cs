using System.Globalization;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Json;

/// <summary>Accessors for the object fields the server itself reads and writes.</summary>
internal static class Meta
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject m)
        {
            return m;
        }
        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string? Str(JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string Name(JsonObject obj) => Str(obj["metadata"], "name") ?? "";

    public static string Namespace(JsonObject obj) => Str(obj["metadata"], "namespace") ?? "";

    public static string Uid(JsonObject obj) => Str(obj["metadata"], "uid") ?? "";

    public static long Generation(JsonObject obj) => Long(obj["metadata"]?["generation"]);

    public static long Long(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return 0;
        }
        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }
        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }
        if (v.TryGetValue<double>(out var d))
        {
            return (long)d;
        }
        return v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
    }

    public static int Int(JsonNode? node, int fallback)
    {
        return node is JsonValue ? (int)Long(node) : fallback;
    }

    public static JsonObject Labels(JsonObject obj) => obj["metadata"]?["labels"] as JsonObject ?? new JsonObject();

    public static IReadOnlyDictionary<string, string> LabelMap(JsonObject obj)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject labels)
        {
            foreach (var (k, v) in labels)
            {
                result[k] = v?.ToString() ?? "";
            }
        }
        return result;
    }

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s)
        && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    public static bool IsTerminating(JsonObject obj) => obj["metadata"]?["deletionTimestamp"] is not null;

    public static IEnumerable<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a ? a.Select(f => f?.ToString() ?? "") : [];

    public static IEnumerable<JsonObject> OwnerReferences(JsonObject obj) =>
        obj["metadata"]?["ownerReferences"] is JsonArray a ? a.OfType<JsonObject>() : [];

    public static string? ControllerUid(JsonObject obj) =>
        OwnerReferences(obj).FirstOrDefault(o => o["controller"]?.GetValue<bool>() == true) is { } owner ? Str(owner, "uid") : null;
}
