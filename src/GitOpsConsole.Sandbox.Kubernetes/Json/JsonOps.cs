using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Json;

/// <summary>Parsing and serialisation shared by the HTTP layer, the store and persistence.</summary>
internal static class JsonOps
{
    public static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static byte[] ToBytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Compact);

    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8)
    {
        var node = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = 200 });
        return node as JsonObject ?? throw new JsonException("the body must be a JSON object");
    }

    public static bool DeepEquals(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    /// <summary>A copy with object members in ordinal order, so equal content hashes equally.</summary>
    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    /// <summary>Walks or creates nested objects along the path.</summary>
    public static JsonObject Ensure(JsonObject root, params string[] path)
    {
        var current = root;
        foreach (var segment in path)
        {
            if (current[segment] is not JsonObject next)
            {
                next = new JsonObject();
                current[segment] = next;
            }
            current = next;
        }
        return current;
    }
}
