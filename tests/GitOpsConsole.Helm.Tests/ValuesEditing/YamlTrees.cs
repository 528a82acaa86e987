using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Tests.ValuesEditing;

/// <summary>Compares what two YAML texts mean, as Helm reads them, ignoring formatting.</summary>
internal static class YamlTrees
{
    public static object? Read(string yaml) => YamlValueReader.ReadFirstDocument(yaml);

    /// <summary>Replaces the value at a key path (keys only) in a read tree, so "before + intended change" can be compared with "after".</summary>
    public static object? With(object? tree, object? value, params string[] keys)
    {
        var map = (Dictionary<string, object?>)tree!;
        var copy = new Dictionary<string, object?>(map, StringComparer.Ordinal);
        copy[keys[0]] = keys.Length == 1 ? value : With(map[keys[0]], value, keys[1..]);
        return copy;
    }

    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (Dictionary<string, object?> x, Dictionary<string, object?> y) =>
            x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var other) && Same(kv.Value, other)),
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
        _ => Equals(a, b),
    };
}
