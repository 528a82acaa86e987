using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GitOpsConsole.Web.Components.Drift;

/// <summary>
/// Writes a Kubernetes object as block YAML, the way people read manifests, so the desired-vs-live view
/// looks like the chart's output. Strings that YAML would read as something else are double-quoted.
/// </summary>
internal static partial class YamlText
{
    public static string From(JsonNode? node)
    {
        var text = new StringBuilder();
        if (node is JsonObject or JsonArray)
        {
            Write(text, node, 0);
        }
        else
        {
            text.Append(Scalar(node)).Append('\n');
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode node, int indent)
    {
        var pad = new string(' ', indent);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                text.Append(pad).Append(Key(key)).Append(':');
                WriteChild(text, value, indent);
            }

            return;
        }

        foreach (var item in (JsonArray)node)
        {
            if (item is JsonObject { Count: > 0 } child)
            {
                // "- " carries the item's first key; its other keys line up under it.
                var nested = new StringBuilder();
                Write(nested, child, indent + 2);
                text.Append(pad).Append("- ").Append(nested.ToString(indent + 2, nested.Length - indent - 2));
            }
            else
            {
                text.Append(pad).Append('-');
                WriteChild(text, item, indent);
            }
        }
    }

    private static void WriteChild(StringBuilder text, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } or JsonArray { Count: > 0 }:
                text.Append('\n');
                Write(text, value, indent + 2);
                break;
            case JsonObject:
                text.Append(" {}\n");
                break;
            case JsonArray:
                text.Append(" []\n");
                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Key(string key) => Plain().IsMatch(key) ? key : JsonSerializer.Serialize(key);

    private static string Scalar(JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return "null";
        }

        if (scalar.GetValueKind() != JsonValueKind.String)
        {
            return scalar.ToJsonString();
        }

        var s = scalar.GetValue<string>();
        return Plain().IsMatch(s) && !Ambiguous().IsMatch(s) ? s : JsonSerializer.Serialize(s, Unescaped);
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./:@+\-]*$")]
    private static partial Regex Plain();

    // Plain scalars YAML would read as numbers, booleans or null.
    [GeneratedRegex(@"^([-+]?[0-9][0-9_.eE+\-]*|true|false|yes|no|on|off|null|~)$", RegexOptions.IgnoreCase)]
    private static partial Regex Ambiguous();
}
