using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitOpsConsole.Core.Agent;

/// <summary>
/// How tool results are written for the model and the trace: camelCase, enums as names, and quotes and
/// non-ASCII left readable (the text goes to a model and a page, never into HTML unencoded).
/// </summary>
public static class AgentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
