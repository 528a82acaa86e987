using System.Text.Json;

namespace GitOpsConsole.Core.Ingestion;

/// <summary>Tolerant reads of optional JSON fields along a path.</summary>
internal static class JsonFields
{
    /// <summary>Parses a body that must be a JSON object and reads it with <paramref name="read"/>.</summary>
    public static WebhookParseResult ReadObject(ReadOnlySpan<byte> body, Func<JsonElement, WebhookParseResult> read)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            return WebhookParseResult.Malformed($"the body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? read(document.RootElement)
                : WebhookParseResult.Malformed("the body is not a JSON object");
        }
    }

    public static string? Text(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => current.GetRawText(),
            _ => null,
        };
    }

    public static bool Flag(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];
}
