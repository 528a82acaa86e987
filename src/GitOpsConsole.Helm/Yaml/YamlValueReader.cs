using System.Globalization;
using GitOpsConsole.Helm.Values;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

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
        try
        {
            var parser = new MergingParser(new Parser(new StringReader(text)));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return null;
            }

            var value = ReadNode(parser, new Dictionary<string, object?>(StringComparer.Ordinal));
            parser.Consume<DocumentEnd>();
            return value;
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException as YamlException ?? ex;
            throw new YamlFormatException($"error converting YAML to JSON: yaml: line {inner.Start.Line}: {inner.Message}");
        }
    }

    /// <summary>How encoding/json names a value's kind in its unmarshal errors.</summary>
    public static string JsonKind(object? value) => value switch
    {
        null => "null",
        string => "string",
        bool => "bool",
        long or int or double => "number",
        List<object?> => "array",
        _ => "object",
    };

    /// <summary>Event-based so duplicate keys behave as in go-yaml v2 (the last one wins) instead of failing.</summary>
    private static object? ReadNode(IParser parser, Dictionary<string, object?> anchors)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return Anchor(anchors, scalar.Anchor, ConvertScalar(scalar));
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target) ? ValueTree.DeepCopy(target) : null;
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var list = new List<object?>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                list.Add(ReadNode(parser, anchors));
            }

            return Anchor(anchors, sequenceStart.Anchor, list);
        }

        var mappingStart = parser.Consume<MappingStart>();
        var map = ValueTree.NewMap();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyIsScalar = parser.Accept<Scalar>(out var keyScalar);
            var key = ReadNode(parser, anchors);
            map[keyIsScalar ? KeyText(keyScalar!, key) : Templates.GoValues.Sprint(key)] = ReadNode(parser, anchors);
        }

        return Anchor(anchors, mappingStart.Anchor, map);
    }

    private static object? Anchor(Dictionary<string, object?> anchors, AnchorName anchor, object? value)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = value;
        }

        return value;
    }

    private static string KeyText(Scalar scalar, object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => Templates.GoFloat.Format(d, 'g', -1),
        _ => scalar.Value,
    };

    private static object? ConvertScalar(Scalar scalar)
    {
        var text = scalar.Value;
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
