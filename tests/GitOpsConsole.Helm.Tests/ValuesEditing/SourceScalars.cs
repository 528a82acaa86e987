using GitOpsConsole.Helm.ValuesEditing;

namespace GitOpsConsole.Helm.Tests.ValuesEditing;

/// <summary>Every scalar leaf of a parsed file with the YAML path that names it and whether that path is shared through anchors.</summary>
internal static class SourceScalars
{
    public sealed record Leaf(string Path, YamlScalarNode Node, bool Shared);

    public static IEnumerable<Leaf> Leaves(YamlSourceNode? root) => Walk(root, [], shared: false);

    private static IEnumerable<Leaf> Walk(YamlSourceNode? node, List<YamlPathSegment> path, bool shared)
    {
        shared |= node is { IsAliased: true } or YamlAliasNode;
        switch (node)
        {
            case YamlScalarNode s when path.Count > 0:
                yield return new Leaf(Render(path), s, shared);
                break;
            case YamlMappingNode m:
                foreach (var (key, value) in m.Entries)
                {
                    if (key is YamlScalarNode k)
                    {
                        foreach (var leaf in Walk(value, [.. path, YamlPathSegment.ForKey(k.Value)], shared))
                        {
                            yield return leaf;
                        }
                    }
                }

                break;
            case YamlSequenceNode q:
                for (var i = 0; i < q.Items.Count; i++)
                {
                    foreach (var leaf in Walk(q.Items[i], [.. path, YamlPathSegment.ForIndex(i)], shared))
                    {
                        yield return leaf;
                    }
                }

                break;
        }
    }

    private static string Render(List<YamlPathSegment> path) =>
        string.Concat(path.Select((s, i) => s.IsIndex || i == 0 ? s.ToString() : "." + s));
}
