using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitOpsConsole.Sandbox.Internal;

/// <summary>One set of serializer options for every persisted or served JSON document of the sandbox.</summary>
internal static class SandboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
