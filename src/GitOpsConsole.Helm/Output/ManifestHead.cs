using GitOpsConsole.Helm.Templates;
using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Output;

/// <summary>What Helm reads from each document to sort it: kind, metadata.name and annotations.</summary>
internal sealed record ManifestHead(string Kind, string Name, IReadOnlyDictionary<string, string> Annotations)
{
    public static ManifestHead Parse(string document, string path)
    {
        object? root;
        try
        {
            root = YamlValueReader.ReadFirstDocument(document);
        }
        catch (YamlFormatException ex)
        {
            throw new ChartRenderException($"YAML parse error on {path}: {ex.Message}", ex);
        }

        if (root is not null and not IDictionary<string, object?>)
        {
            throw new ChartRenderException($"YAML parse error on {path}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {YamlValueReader.JsonKind(root)} into Go value of type util.SimpleHead");
        }

        var map = root as IDictionary<string, object?>;
        var kind = map is not null && map.TryGetValue("kind", out var k) && k is string ks ? ks : string.Empty;
        var metadata = map is not null && map.TryGetValue("metadata", out var m) ? m as IDictionary<string, object?> : null;
        var name = metadata is not null && metadata.TryGetValue("name", out var n) && n is string ns ? ns : string.Empty;
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata is not null && metadata.TryGetValue("annotations", out var a) && a is IDictionary<string, object?> annotationMap)
        {
            foreach (var (key, value) in annotationMap)
            {
                annotations[key] = value is null ? string.Empty : GoValues.Sprint(value);
            }
        }

        return new ManifestHead(kind, name, annotations);
    }
}
