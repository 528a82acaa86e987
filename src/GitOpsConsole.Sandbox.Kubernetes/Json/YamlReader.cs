using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Store;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOpsConsole.Sandbox.Kubernetes.Json;

/// <summary>
/// Reads a YAML (or JSON, which is YAML) request body into a JSON object, typing plain scalars
/// the way Kubernetes' YAML decoder does (bools, numbers, null); quoted scalars stay strings.
/// </summary>
internal static class YamlReader
{
    public static JsonObject ParseObject(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
            {
                throw ApiException.BadRequest("the request body must hold exactly one YAML document");
            }
            return Convert(stream.Documents[0].RootNode) as JsonObject
                ?? throw ApiException.BadRequest("the request body must be a YAML mapping");
        }
        catch (YamlException e)
        {
            throw ApiException.BadRequest($"error converting YAML to JSON: yaml: line {e.Start.Line}: {e.Message}");
        }
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => Map(map),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw ApiException.BadRequest("YAML aliases are not supported"),
    };

    private static JsonObject Map(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : throw ApiException.BadRequest("YAML mapping keys must be scalars");
            result[name] = Convert(value);
        }
        return result;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when text.Any(char.IsDigit) && !text.Contains(':', StringComparison.Ordinal)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }
}
