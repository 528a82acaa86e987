using System.Text.Json;

namespace GitOpsConsole.Core.Agent;

/// <summary>
/// The result a model gets for a call that did not do its job (invalid, refused, failed): <c>{"toolError": "…"}</c>.
/// Its own property name, so it is never confused with a tool's own <c>error</c> field (a failed build has one).
/// </summary>
public static class ToolError
{
    public const string Property = "toolError";

    public static string Json(string message) => JsonSerializer.Serialize(new Dictionary<string, string> { [Property] = message }, AgentJson.Options);

    /// <summary>The message of an error result, or null for a tool's own result.</summary>
    public static string? Of(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(Property, out var message) ? message.ToString() : null;
}
