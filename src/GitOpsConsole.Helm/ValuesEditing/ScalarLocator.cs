namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>Walks a YAML path to the one scalar it names, refusing anything an edit could not change alone.</summary>
internal static class ScalarLocator
{
    public static YamlScalarNode Locate(IReadOnlyList<YamlSourceNode?> documents, YamlPath path, int? documentIndex)
    {
        var node = SelectDocument(documents, path, documentIndex);
        for (var i = 0; i < path.Segments.Count; i++)
        {
            CheckShared(node, path, i);
            node = Step(node, path, i);
        }

        CheckShared(node, path, path.Segments.Count);
        return node switch
        {
            YamlScalarNode { IsBlock: true } s => throw new YamlEditException(YamlEditError.BlockScalar,
                $"'{path}' is a block scalar ({(s.Style == YamlDotNet.Core.ScalarStyle.Literal ? "|" : ">")}); only plain and quoted scalars can be edited in place", s.Line, s.Column),
            YamlScalarNode s => s,
            _ => throw new YamlEditException(YamlEditError.NotAScalar, $"'{path}' is a {Describe(node)}, not a scalar", node.Line, node.Column),
        };
    }

    private static YamlSourceNode SelectDocument(IReadOnlyList<YamlSourceNode?> documents, YamlPath path, int? documentIndex)
    {
        if (documentIndex is null && documents.Count > 1)
        {
            throw new YamlEditException(YamlEditError.MultipleDocuments,
                $"the file holds {documents.Count} YAML documents; say which one to edit (document index)");
        }

        var index = documentIndex ?? 0;
        if (index < 0 || index >= Math.Max(documents.Count, 1))
        {
            throw new YamlEditException(YamlEditError.PathNotFound, $"document {index} does not exist; the file holds {documents.Count}");
        }

        return (documents.Count == 0 ? null : documents[index])
            ?? throw new YamlEditException(YamlEditError.PathNotFound, $"segment '{path.Segments[0]}' of '{path}' not found: the document is empty");
    }

    private static YamlSourceNode Step(YamlSourceNode node, YamlPath path, int i)
    {
        var segment = path.Segments[i];
        var where = i == 0 ? "the document root" : $"'{path.Prefix(i)}'";
        if (segment.IsIndex)
        {
            if (node is not YamlSequenceNode seq)
            {
                throw NotFound(path, i, $"{where} is a {Describe(node)}, not a sequence", node);
            }

            return segment.Index < seq.Items.Count ? seq.Items[segment.Index]
                : throw NotFound(path, i, $"{where} has {seq.Items.Count} item(s)", node);
        }

        if (node is not YamlMappingNode map)
        {
            throw NotFound(path, i, $"{where} is a {Describe(node)}, not a mapping", node);
        }

        var matches = map.Entries.Where(e => e.Key is YamlScalarNode k && k.Value == segment.Key).ToList();
        if (matches.Count > 1)
        {
            throw new YamlEditException(YamlEditError.DuplicateKey,
                $"key '{segment}' appears {matches.Count} times under {where} (lines {string.Join(", ", matches.Select(m => m.Key.Line))}); refusing to guess which one counts",
                matches[1].Key.Line, matches[1].Key.Column);
        }

        if (matches.Count == 0)
        {
            var merged = map.Entries.Any(e => e.Key is YamlScalarNode { Value: "<<" });
            throw NotFound(path, i, merged ? $"{where} has no such key of its own (keys merged with '<<' belong to an anchor shared with others)" : $"{where} has no such key", node);
        }

        return matches[0].Value;
    }

    /// <summary>Editing inside an aliased node, or through an alias, would silently change every other place that shares it.</summary>
    private static void CheckShared(YamlSourceNode node, YamlPath path, int depth)
    {
        var where = depth == 0 ? "the document root" : $"'{path.Prefix(depth)}'";
        if (node is YamlAliasNode alias)
        {
            throw new YamlEditException(YamlEditError.AnchorOrAlias,
                $"{where} is the alias *{alias.Name}; editing it would change the anchor &{alias.Name} and every alias of it", node.Line, node.Column);
        }

        if (node.IsAliased)
        {
            throw new YamlEditException(YamlEditError.AnchorOrAlias,
                $"{where} carries the anchor &{node.Anchor}, which aliases refer to; editing it would silently change them too", node.Line, node.Column);
        }
    }

    private static YamlEditException NotFound(YamlPath path, int i, string why, YamlSourceNode at) =>
        new(YamlEditError.PathNotFound, $"segment '{path.Segments[i]}' of '{path}' not found: {why}", at.Line, at.Column);

    private static string Describe(YamlSourceNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "sequence",
        YamlAliasNode => "alias",
        _ => "scalar",
    };
}
