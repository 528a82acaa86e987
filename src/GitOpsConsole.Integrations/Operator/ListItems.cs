using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// Reads a Kubernetes list response item by item. Parsing the whole list as one document rents a token table
/// and a copy as large as the response (tens of MB in a sweep) that the shared array pool then keeps; each item
/// parsed on its own needs only small buffers, and the list's own metadata is skipped.
/// </summary>
internal static class ListItems
{
    public static IReadOnlyList<JsonObject> Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A list response is not a JSON object.");
        }

        var items = new List<JsonObject>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isItems = reader.ValueTextEquals("items"u8);
            reader.Read();
            if (!isItems || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (JsonNode.Parse(ref reader) is JsonObject item)
                {
                    items.Add(item);
                }
            }
        }

        return items;
    }
}
