using GitOpsConsole.Core.Images;
using GitOpsConsole.Helm.ImageTags;

namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>
/// Flux-style write-back: every scalar whose line carries a setter marker for the policy gets the part of the image the
/// marker names. All documents of the file are searched; the byte-preservation guarantees of <see cref="ValuesEditor"/> hold.
/// </summary>
public static class ImagePolicySetters
{
    /// <param name="policy"><c>namespace:name</c> of the image policy, as written in the markers.</param>
    /// <param name="image">Already validated by <see cref="ImageReference.Create"/>, so no tag can smuggle in YAML.</param>
    public static YamlEditResult Apply(string yaml, string policy, ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        ArgumentNullException.ThrowIfNull(image);
        var edits = new List<ScalarEdit>();
        var expected = new List<(YamlScalarNode Node, string Value)>();
        foreach (var node in YamlSourceReader.Read(yaml).SelectMany(ValueScalars))
        {
            if (ImagePolicyMarker.AfterScalar(yaml, node.End) is not { } marker || marker.Policy != policy)
            {
                continue;
            }

            CheckEditable(node, policy);
            var value = ScalarValue.FromString(ValueFor(marker.Field, image, node));
            expected.Add((node, value.Content));
            if (ScalarRewriter.Plan(yaml, node, value, $"line {node.Line}") is { } edit)
            {
                edits.Add(edit);
            }
        }

        if (edits.Count == 0)
        {
            return new YamlEditResult(yaml, []);
        }

        var text = TextSplicer.Apply(yaml, edits);
        VerifyMarkedValues(text, policy, expected.Select(e => e.Value).ToList());
        return new YamlEditResult(text, edits);
    }

    /// <summary>Each marked scalar, in file order, must read back as what was written, and the markers must all still be there.</summary>
    private static void VerifyMarkedValues(string text, string policy, List<string> expected)
    {
        var actual = YamlSourceReader.Read(text).SelectMany(ValueScalars)
            .Where(n => ImagePolicyMarker.AfterScalar(text, n.End) is { } m && m.Policy == policy)
            .Select(n => n.Value).ToList();
        if (!actual.SequenceEqual(expected))
        {
            throw new InvalidOperationException($"setter write-back for {policy} did not read back as written");
        }
    }

    private static string ValueFor(ImagePolicyField field, ImageReference image, YamlScalarNode node) => field switch
    {
        // As Flux: the digest goes only where the marker asks for it (":digest", or the whole reference).
        ImagePolicyField.Tag => image.Tag,
        ImagePolicyField.Name => image.Repository,
        ImagePolicyField.Digest => image.Digest ?? throw new YamlEditException(YamlEditError.InvalidValue,
            $"the marker on line {node.Line} asks for a digest but the image {image} has none", node.Line, node.Column),
        _ => image.ToString(),
    };

    private static void CheckEditable(YamlScalarNode node, string policy)
    {
        if (node.IsBlock)
        {
            throw new YamlEditException(YamlEditError.BlockScalar, $"the {policy} marker sits on a block scalar", node.Line, node.Column);
        }

        if (node.IsAliased)
        {
            throw new YamlEditException(YamlEditError.AnchorOrAlias,
                $"the {policy} marker sits on the anchor &{node.Anchor}, which aliases refer to", node.Line, node.Column);
        }
    }

    /// <summary>Values and sequence items (never keys), depth first in document order.</summary>
    private static IEnumerable<YamlScalarNode> ValueScalars(YamlSourceNode? node) => node switch
    {
        YamlScalarNode s => [s],
        YamlMappingNode m => m.Entries.SelectMany(e => ValueScalars(e.Value)),
        YamlSequenceNode q => q.Items.SelectMany(ValueScalars),
        _ => [],
    };
}
