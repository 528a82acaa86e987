using System.Text.Json;
using GitOpsConsole.Helm.Values;

namespace GitOpsConsole.Helm.Yaml;

/// <summary>Reads JSON into the value model with Go's encoding/json typing (numbers are float64).</summary>
internal static class JsonValueReader
{
    public static object? Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        return Convert(document.RootElement);
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(ValueTree.NewMap(), (map, p) =>
        {
            map[p.Name] = Convert(p.Value);
            return map;
        }),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
