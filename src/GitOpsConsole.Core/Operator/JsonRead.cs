using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Core.Operator;

/// <summary>Tolerant reads from Kubernetes object JSON: a missing or mistyped field is null, never an exception.</summary>
public static class JsonRead
{
    public static JsonNode? Node(JsonNode? node, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var segment in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        return node;
    }

    public static string? Str(JsonNode? node, params string[] path) =>
        Node(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>An integer field; JSON numbers with a fraction are truncated.</summary>
    public static long? Number(JsonNode? node, params string[] path) =>
        Node(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var n)
            ? n
            : Node(node, path) is JsonValue other && other.TryGetValue<double>(out var d) ? (long)d : null;

    public static bool Bool(JsonNode? node, params string[] path) =>
        Node(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static IEnumerable<JsonObject> Objects(JsonNode? node, params string[] path) =>
        Node(node, path) is JsonArray array ? array.OfType<JsonObject>() : [];
}
