using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Apply;

/// <summary>
/// A set of field paths in FieldsV1 terms. A path is its elements ("f:spec", "k:{\"name\":\"web\"}",
/// "v:\"x\"") joined with newlines, which never occur inside an element.
/// </summary>
internal sealed class FieldSet
{
    public const char Separator = '\n';

    private readonly HashSet<string> _paths;

    public FieldSet() => _paths = new HashSet<string>(StringComparer.Ordinal);

    public FieldSet(IEnumerable<string> paths) => _paths = new HashSet<string>(paths, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Paths => _paths;

    public bool IsEmpty => _paths.Count == 0;

    public bool Contains(string path) => _paths.Contains(path);

    public void Add(string path) => _paths.Add(path);

    public bool Remove(string path) => _paths.Remove(path);

    /// <summary>True when the set holds the path or anything beneath it.</summary>
    public bool CoversOrBelow(string path) =>
        _paths.Contains(path) || _paths.Any(p => p.Length > path.Length && p[path.Length] == Separator && p.StartsWith(path, StringComparison.Ordinal));

    public static FieldSet FromFieldsV1(JsonNode? fields)
    {
        var set = new FieldSet();
        if (fields is JsonObject root)
        {
            Collect(root, "", set);
        }
        return set;
    }

    private static void Collect(JsonObject node, string prefix, FieldSet set)
    {
        foreach (var (element, child) in node)
        {
            if (element == ".")
            {
                if (prefix.Length > 0)
                {
                    set.Add(prefix);
                }
                continue;
            }
            var path = prefix.Length == 0 ? element : prefix + Separator + element;
            if (child is JsonObject o && o.Count > 0)
            {
                Collect(o, path, set);
            }
            else
            {
                set.Add(path);
            }
        }
    }

    public JsonObject ToFieldsV1()
    {
        var root = new Trie();
        foreach (var path in _paths.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var element in path.Split(Separator))
            {
                node = node.Child(element);
            }
            node.Member = true;
        }
        return root.ToJson();
    }

    private sealed class Trie
    {
        private readonly SortedDictionary<string, Trie> _children = new(StringComparer.Ordinal);

        public bool Member { get; set; }

        public Trie Child(string element)
        {
            if (!_children.TryGetValue(element, out var child))
            {
                child = new Trie();
                _children[element] = child;
            }
            return child;
        }

        public JsonObject ToJson()
        {
            var json = new JsonObject();
            if (Member && _children.Count > 0)
            {
                json["."] = new JsonObject();
            }
            foreach (var (element, child) in _children)
            {
                json[element] = child.ToJson();
            }
            return json;
        }
    }
}
