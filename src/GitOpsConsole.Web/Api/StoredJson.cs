using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Web.Api;

/// <summary>
/// The store keeps values, step inputs/outputs and decision records as JSON text; the API hands them to
/// scripts as JSON values (a number stays a number). Text that is not JSON is passed on as a string.
/// </summary>
internal static class StoredJson
{
    public static JsonNode? Value(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
