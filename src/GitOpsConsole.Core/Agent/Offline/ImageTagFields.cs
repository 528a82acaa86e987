using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOpsConsole.Core.Agent.Offline;

/// <summary>
/// The image tag fields of a Helm values file, as dotted paths: a <c>tag</c> under an <c>image</c> key
/// (<c>image.tag</c>, <c>sidecar.image.tag</c>) or beside a <c>repository</c>. Two of them make "set the image tag"
/// ambiguous, which the planner asks about instead of guessing.
/// </summary>
internal static class ImageTagFields
{
    /// <summary>The fields in file order; null when the text is not a YAML mapping.</summary>
    public static IReadOnlyList<string>? Find(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml ?? ""));
        }
        catch (YamlException)
        {
            return null;
        }

        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root)
        {
            return null;
        }

        var fields = new List<string>();
        Walk(root, "", "", fields);
        return fields;
    }

    private static void Walk(YamlMappingNode mapping, string path, string key, List<string> fields)
    {
        var isImage = key.Equals("image", StringComparison.OrdinalIgnoreCase)
            || mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "repository");
        foreach (var (name, value) in mapping.Children)
        {
            if (name is not YamlScalarNode { Value: { } child })
            {
                continue;
            }

            var childPath = path.Length == 0 ? child : $"{path}.{child}";
            if (value is YamlMappingNode nested)
            {
                Walk(nested, childPath, child, fields);
            }
            else if (isImage && child == "tag" && value is YamlScalarNode)
            {
                fields.Add(childPath);
            }
        }
    }
}
