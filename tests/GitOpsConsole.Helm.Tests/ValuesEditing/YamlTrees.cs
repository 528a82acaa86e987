using GitOpsConsole.Helm.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitOpsConsole.Helm.Tests.ValuesEditing;

/// <summary>
/// Compares what two YAML texts mean (go-yaml v2 typing of plain scalars), ignoring formatting. Reads events directly:
/// YamlDotNet's MergingParser rejects any scalar spelled "&lt;&lt;", even a quoted value, so it cannot judge such edits.
/// </summary>
internal static class YamlTrees
{
    public static object? Read(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        return ReadNode(parser);
    }

    private static object? ReadNode(IParser parser)
    {
        switch (parser.Consume<NodeEvent>())
        {
            case Scalar s when s.Style != ScalarStyle.Plain || !s.Tag.IsEmpty:
                return s.Value;
            case Scalar s:
                var kind = ScalarResolver.Resolve(s.Value, out var value);
                return kind == ScalarResolver.Kind.String || kind == ScalarResolver.Kind.Timestamp ? s.Value : (kind, value);
            case MappingStart:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser)?.ToString() ?? "null";
                    map[key] = ReadNode(parser);
                }

                return map;
            case SequenceStart:
                var list = new List<object?>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    list.Add(ReadNode(parser));
                }

                return list;
            case var other:
                throw new InvalidOperationException($"unexpected {other.GetType().Name} in test YAML");
        }
    }

    /// <summary>A copy of a read tree with the value at a path (string keys, int indexes) replaced: "before + intended change".</summary>
    public static object? With(object? tree, object? value, params object[] path)
    {
        if (path.Length == 0)
        {
            return value;
        }

        switch (tree, path[0])
        {
            case (Dictionary<string, object?> map, string key):
                var mapCopy = new Dictionary<string, object?>(map, StringComparer.Ordinal);
                mapCopy[key] = With(map[key], value, path[1..]);
                return mapCopy;
            case (List<object?> list, int index):
                var listCopy = new List<object?>(list);
                listCopy[index] = With(list[index], value, path[1..]);
                return listCopy;
            default:
                throw new ArgumentException($"path step {path[0]} does not fit {tree?.GetType().Name}");
        }
    }

    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (Dictionary<string, object?> x, Dictionary<string, object?> y) =>
            x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var other) && Same(kv.Value, other)),
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
        _ => Equals(a, b),
    };
}
