using System.Collections;
using System.Globalization;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Yaml;

/// <summary>
/// Helm's toYaml: sigs.k8s.io/yaml (JSON round trip, then go-yaml v2). Keys sorted the go-yaml way, two-space indent,
/// sequences not indented under their key, strings quoted only when go-yaml would.
/// </summary>
internal static class GoYamlWriter
{
    /// <summary>The YAML text with go-yaml's trailing newline (Helm's toYaml trims it).</summary>
    public static string Serialize(object? value)
    {
        var output = new YamlOutput();
        WriteNode(output, Normalize(value), indent: 0, topLevel: true);
        if (output.Column > 0)
        {
            output.NewLine();
        }

        return output.ToString();
    }

    /// <summary>The JSON round trip: integral floats become ints, exotic objects become strings.</summary>
    private static object? Normalize(object? value) => value switch
    {
        null or string or bool or long => value,
        int i => (long)i,
        double d => Math.Floor(d) == d && Math.Abs(d) < 9.2e18 ? (object)(long)d : d,
        IDictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value), StringComparer.Ordinal),
        byte[] bytes => Convert.ToBase64String(bytes),
        IList list => list.Cast<object?>().Select(Normalize).ToList(),
        _ => value.ToString(),
    };

    private static void WriteNode(YamlOutput output, object? value, int indent, bool topLevel)
    {
        switch (value)
        {
            case Dictionary<string, object?> { Count: > 0 } map:
                WriteMap(output, map, indent);
                break;
            case List<object?> { Count: > 0 } list:
                WriteList(output, list, indent);
                break;
            default:
                WriteScalar(output, value, topLevel ? 2 : indent + 2);
                break;
        }
    }

    private static void WriteScalar(YamlOutput output, object? value, int continuationIndent)
    {
        switch (value)
        {
            case null:
                output.Write("null");
                break;
            case bool b:
                output.Write(b ? "true" : "false");
                break;
            case long l:
                output.Write(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                output.Write(FormatFloat(d));
                break;
            case string s:
                ScalarWriter.WriteString(output, s, continuationIndent, isKey: false);
                break;
            case IDictionary:
                output.Write("{}");
                break;
            case IList:
                output.Write("[]");
                break;
        }
    }

    private static string FormatFloat(double d)
    {
        if (double.IsPositiveInfinity(d))
        {
            return ".inf";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-.inf";
        }

        return double.IsNaN(d) ? ".nan" : GoFloat.Format(d, 'g', -1);
    }

    private static void WriteMap(YamlOutput output, Dictionary<string, object?> map, int indent)
    {
        var first = true;
        foreach (var key in map.Keys.Order(YamlKeyOrder.Instance))
        {
            // The first key of a map inside a list item continues the "- " line.
            if (!first || output.Column == 0)
            {
                output.Indent(indent);
            }

            first = false;
            ScalarWriter.WriteString(output, key, indent + 2, isKey: true);
            output.Write(':');
            WriteValueAfterIndicator(output, map[key], indent, indentSequence: false);
        }
    }

    private static void WriteList(YamlOutput output, List<object?> list, int indent)
    {
        var first = true;
        foreach (var item in list)
        {
            if (!first || output.Column == 0)
            {
                output.Indent(indent);
            }

            first = false;
            output.Write('-');
            WriteValueAfterIndicator(output, item, indent, indentSequence: true);
        }
    }

    /// <summary>Writes what follows "key:" or "-": inline scalars and first entries, or a nested block.</summary>
    private static void WriteValueAfterIndicator(YamlOutput output, object? value, int indent, bool indentSequence)
    {
        switch (value)
        {
            case Dictionary<string, object?> { Count: > 0 } map:
                if (indentSequence)
                {
                    output.Write(' ');
                    WriteMap(output, map, indent + 2);
                }
                else
                {
                    WriteMap(output.NewLine(), map, indent + 2);
                }

                break;
            case List<object?> { Count: > 0 } list:
                if (indentSequence)
                {
                    output.Write(' ');
                    WriteList(output, list, indent + 2);
                }
                else
                {
                    WriteList(output.NewLine(), list, indent);
                }

                break;
            default:
                output.Write(' ');
                WriteScalar(output, value, indent + 2);
                break;
        }
    }
}
