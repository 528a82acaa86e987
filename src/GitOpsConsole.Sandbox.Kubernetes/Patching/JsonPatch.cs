using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, move, copy, test with JSON pointers.</summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject target, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw ApiException.BadRequest("a JSON patch must be an array of operations");
        }
        JsonNode root = target;
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op || op["op"]?.ToString() is not { } name || op["path"]?.ToString() is not { } path)
            {
                throw ApiException.BadRequest("each JSON patch operation needs \"op\" and \"path\"");
            }
            switch (name)
            {
                case "add":
                    Add(ref root, path, Value(op));
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Replace(ref root, path, Value(op));
                    break;
                case "move":
                    var moved = Get(root, From(op)).DeepClone();
                    Remove(root, From(op));
                    Add(ref root, path, moved);
                    break;
                case "copy":
                    Add(ref root, path, Get(root, From(op)).DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), op["value"]))
                    {
                        throw Unprocessable($"testing value {path} failed");
                    }
                    break;
                default:
                    throw ApiException.BadRequest($"unknown JSON patch operation \"{name}\"");
            }
        }
        return root as JsonObject ?? throw Unprocessable("the patched document is not an object");
    }

    private static JsonNode? Value(JsonObject op) =>
        op.TryGetPropertyValue("value", out var value) ? value?.DeepClone() : throw ApiException.BadRequest("JSON patch operation is missing \"value\"");

    private static string From(JsonObject op) => op["from"]?.ToString() ?? throw ApiException.BadRequest("JSON patch operation is missing \"from\"");

    private static string[] Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }
        if (pointer[0] != '/')
        {
            throw ApiException.BadRequest($"invalid JSON pointer \"{pointer}\"");
        }
        return [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static JsonNode Get(JsonNode root, string pointer) => Walk(root, Tokens(pointer), pointer);

    private static JsonNode Walk(JsonNode root, IEnumerable<string> tokens, string pointer)
    {
        var node = root;
        foreach (var token in tokens)
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) && child is not null => child,
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count && a[i] is { } item => item,
                _ => throw Unprocessable($"doc is missing path: \"{pointer}\""),
            };
        }
        return node;
    }

    private static void Add(ref JsonNode root, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            root = value ?? throw Unprocessable("cannot replace the document with null");
            return;
        }
        var parent = Walk(root, tokens[..^1], pointer);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw Unprocessable($"doc is missing path: \"{pointer}\"");
        }
    }

    // Replace keeps the member's position, unlike remove followed by add.
    private static void Replace(ref JsonNode root, string pointer, JsonNode? value)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            root = value ?? throw Unprocessable("cannot replace the document with null");
            return;
        }
        Get(root, pointer);
        switch (Walk(root, tokens[..^1], pointer))
        {
            case JsonObject o:
                o[tokens[^1]] = value;
                break;
            case JsonArray a:
                a[int.Parse(tokens[^1], NumberStyles.None, CultureInfo.InvariantCulture)] = value;
                break;
        }
    }

    private static void Remove(JsonNode root, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            throw Unprocessable("cannot remove the whole document");
        }
        var parent = Walk(root, tokens[..^1], pointer);
        var last = tokens[^1];
        var removed = parent switch
        {
            JsonObject o => o.Remove(last),
            JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => RemoveAt(a, i),
            _ => false,
        };
        if (!removed)
        {
            throw Unprocessable($"unable to remove nonexistent key: \"{pointer}\"");
        }
    }

    private static bool RemoveAt(JsonArray array, int index)
    {
        array.RemoveAt(index);
        return true;
    }

    private static ApiException Unprocessable(string message) => new(422, "Invalid", "the server rejected our request due to an error in our request: " + message);
}
