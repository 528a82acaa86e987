using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>
/// Parses every document of a file into <see cref="YamlSourceNode"/> trees with their text offsets. A leading BOM is
/// skipped for parsing (YamlDotNet would read it as part of the first key) and added back to every offset.
/// </summary>
internal static class YamlSourceReader
{
    // Values files come from repositories anyone may push to; a hostile nesting depth must not overflow the stack.
    private const int MaxDepth = 512;

    /// <summary>The documents in order; an empty document has a null root.</summary>
    public static IReadOnlyList<YamlSourceNode?> Read(string text)
    {
        var bom = text.StartsWith('\uFEFF') ? 1 : 0;
        var state = new State(bom);
        try
        {
            var parser = new Parser(new StringReader(bom == 0 ? text : text[bom..]));
            parser.Consume<StreamStart>();
            var documents = new List<YamlSourceNode?>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                documents.Add(parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser, state, inFlow: false, depth: 0));
                parser.Consume<DocumentEnd>();
            }

            parser.Consume<StreamEnd>();
            return documents;
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException as YamlException ?? ex;
            throw new YamlEditException(YamlEditError.InvalidYaml, $"invalid YAML: {inner.Message}", (int)inner.Start.Line, (int)inner.Start.Column, ex);
        }
    }

    private static YamlSourceNode ReadNode(IParser parser, State state, bool inFlow, int depth)
    {
        var ev = parser.Consume<ParsingEvent>();
        var start = state.Offset(ev.Start);
        var (line, column) = ((int)ev.Start.Line, (int)ev.Start.Column);
        if (depth > MaxDepth)
        {
            throw new YamlEditException(YamlEditError.InvalidYaml, $"invalid YAML: nested deeper than {MaxDepth} levels", line, column);
        }

        switch (ev)
        {
            case Scalar s:
                return state.Define(s.Anchor, new YamlScalarNode(start, state.Offset(s.End), line, column, Name(s.Anchor),
                    s.Tag.IsEmpty ? null : s.Tag.Value, s.Value, s.Style, inFlow));
            case AnchorAlias a:
                state.Refer(a.Value);
                return new YamlAliasNode(start, line, column, a.Value.Value);
            case MappingStart m:
                var map = state.Define(m.Anchor, new YamlMappingNode(start, line, column, Name(m.Anchor)));
                var flowMap = inFlow || m.Style == MappingStyle.Flow;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, state, flowMap, depth + 1);
                    map.Entries.Add(new(key, ReadNode(parser, state, flowMap, depth + 1)));
                }

                return map;
            case SequenceStart q:
                var seq = state.Define(q.Anchor, new YamlSequenceNode(start, line, column, Name(q.Anchor)));
                var flowSeq = inFlow || q.Style == SequenceStyle.Flow;
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    seq.Items.Add(ReadNode(parser, state, flowSeq, depth + 1));
                }

                return seq;
            default:
                throw new YamlEditException(YamlEditError.InvalidYaml, $"invalid YAML: unexpected {ev.GetType().Name}", line, column);
        }
    }

    private static string? Name(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    /// <summary>Anchors may be redefined; an alias refers to the latest definition before it.</summary>
    private sealed class State(int bom)
    {
        private readonly Dictionary<string, YamlSourceNode> anchors = new(StringComparer.Ordinal);

        public int Offset(Mark mark) => checked((int)mark.Index) + bom;

        public T Define<T>(AnchorName anchor, T node)
            where T : YamlSourceNode
        {
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = node;
            }

            return node;
        }

        public void Refer(AnchorName alias)
        {
            if (anchors.TryGetValue(alias.Value, out var target))
            {
                target.IsAliased = true;
            }
        }
    }
}
