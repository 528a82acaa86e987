using System.Globalization;
using GitOpsConsole.Helm.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOpsConsole.Helm.Yaml;

/// <summary>
/// Reads YAML into the value model the way Helm does (sigs.k8s.io/yaml: go-yaml v2 typing, then JSON, so every
/// number becomes a float64). Anchors, aliases and merge keys are supported.
/// </summary>
internal static class YamlValueReader
{
    /// <summary>Parses the first document; an empty document is an empty map, a non-map document is an error.</summary>
    public static Dictionary<string, object?> ReadMap(string text)
    {
        var value = ReadFirstDocument(text);
        return value switch
        {
            null => ValueTree.NewMap(),
            Dictionary<string, object?> map => map,
            _ => throw new YamlFormatException($"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {JsonKind(value)} into Go value of type map[string]interface {{}}"),
        };
    }

    public static object? ReadFirstDocument(string text)
    {
        var documents = Load(text);
        return documents.Count == 0 ? null : Convert(documents[0].RootNode);
    }

    /// <summary>Every document of a stream (used for manifest heads).</summary>
    public static List<object?> ReadAll(string text) => Load(text).Select(d => Convert(d.RootNode)).ToList();

    private static IList<YamlDocument> Load(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new MergingParser(new Parser(new StringReader(text))));
            return stream.Documents;
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException is YamlException deeper ? deeper : ex;
            throw new YamlFormatException($"yaml: line {inner.Start.Line}: {inner.Message}");
        }
    }

    private static string JsonKind(object value) => value switch
    {
        string => "string",
        bool => "bool",
        long or double => "number",
        List<object?> => "array",
        _ => "value",
    };

    private static object? Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => ConvertScalar(scalar),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlMappingNode mapping => ConvertMapping(mapping),
        _ => null,
    };

    private static Dictionary<string, object?> ConvertMapping(YamlMappingNode mapping)
    {
        var map = ValueTree.NewMap();
        foreach (var (key, value) in mapping.Children)
        {
            var keyText = key is YamlScalarNode scalar ? KeyText(scalar) : key.ToString();
            map[keyText] = Convert(value);
        }

        return map;
    }

    private static string KeyText(YamlScalarNode scalar)
    {
        var value = ConvertScalar(scalar);
        return value switch
        {
            null => "null",
            bool b => b ? "true" : "false",
            double d => Templates.GoFloat.Format(d, 'g', -1),
            _ => scalar.Value ?? string.Empty,
        };
    }

    private static object? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" || (scalar.Style != ScalarStyle.Plain && tag.Length == 0))
        {
            return text;
        }

        var kind = ScalarResolver.Resolve(text, out var value);
        return kind switch
        {
            ScalarResolver.Kind.Null => null,
            ScalarResolver.Kind.Bool => value,
            ScalarResolver.Kind.Int => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
            ScalarResolver.Kind.Float => value,
            _ => text,
        };
    }
}
