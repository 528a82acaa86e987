using GitOpsConsole.Helm.Templates;
using GitOpsConsole.Helm.Values;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Sprig's dictionary functions. set/unset mutate the map like Go; merge follows mergo (destination wins).</summary>
internal static class DictFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Variadic("dict", 0, (_, a) => Dict(a));
        r.Fixed("get", 2, (_, a) => Args.Map(a, 0).TryGetValue(Args.String(a, 1), out var v) ? v : string.Empty);
        r.Fixed("set", 3, (_, a) => Set(Args.Map(a, 0), Args.String(a, 1), a[2]));
        r.Fixed("unset", 2, (_, a) => Unset(Args.Map(a, 0), Args.String(a, 1)));
        r.Fixed("hasKey", 2, (_, a) => Args.Map(a, 0).ContainsKey(Args.String(a, 1)));
        r.Variadic("keys", 0, (_, a) => Keys(a));
        r.Fixed("values", 1, (_, a) => GoValues.SortedKeys(Args.Map(a, 0)).Select(k => Args.Map(a, 0)[k]).ToList());
        r.Variadic("pluck", 1, (_, a) => Pluck(Args.String(a, 0), a.Skip(1)));
        r.Variadic("merge", 1, (_, a) => Merge(a, overwrite: false));
        r.Variadic("mustMerge", 1, (_, a) => Merge(a, overwrite: false));
        r.Variadic("mergeOverwrite", 1, (_, a) => Merge(a, overwrite: true));
        r.Variadic("mustMergeOverwrite", 1, (_, a) => Merge(a, overwrite: true));
        r.Fixed("deepCopy", 1, (_, a) => ValueTree.DeepCopy(a[0]));
        r.Fixed("mustDeepCopy", 1, (_, a) => ValueTree.DeepCopy(a[0]));
        r.Variadic("pick", 1, (_, a) => Pick(Args.Map(a, 0), a.Skip(1).Select(Args.Str).ToHashSet(StringComparer.Ordinal), keep: true));
        r.Variadic("omit", 1, (_, a) => Pick(Args.Map(a, 0), a.Skip(1).Select(Args.Str).ToHashSet(StringComparer.Ordinal), keep: false));
        r.Variadic("dig", 2, (_, a) => Dig(a));
    }

    private static Dictionary<string, object?> Dict(IReadOnlyList<object?> args)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            result[Args.Str(args[i])] = i + 1 < args.Count ? args[i + 1] : string.Empty;
        }

        return result;
    }

    private static IDictionary<string, object?> Set(IDictionary<string, object?> map, string key, object? value)
    {
        map[key] = value;
        return map;
    }

    private static IDictionary<string, object?> Unset(IDictionary<string, object?> map, string key)
    {
        map.Remove(key);
        return map;
    }

    /// <summary>Go returns keys in random map order; sorting makes renders reproducible and is one valid Go outcome.</summary>
    private static List<object?> Keys(IReadOnlyList<object?> args)
    {
        var keys = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            keys.AddRange(Args.Map(args, i).Keys);
        }

        keys.Sort(StringComparer.Ordinal);
        return keys.Cast<object?>().ToList();
    }

    private static List<object?> Pluck(string key, IEnumerable<object?> maps) =>
        maps.OfType<IDictionary<string, object?>>().Where(m => m.ContainsKey(key)).Select(m => m[key]).ToList();

    private static IDictionary<string, object?> Merge(IReadOnlyList<object?> args, bool overwrite)
    {
        var destination = Args.Map(args, 0);
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is IDictionary<string, object?> source)
            {
                ValueTree.MergeInto(destination, source, overwrite);
            }
        }

        return destination;
    }

    private static Dictionary<string, object?> Pick(IDictionary<string, object?> map, HashSet<string> keys, bool keep) =>
        map.Where(kv => keys.Contains(kv.Key) == keep).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>dig KEY... DEFAULT DICT.</summary>
    private static object? Dig(IReadOnlyList<object?> args)
    {
        var map = Args.Map(args, args.Count - 1);
        var fallback = args[^2];
        object? current = map;
        for (var i = 0; i < args.Count - 2; i++)
        {
            if (current is not IDictionary<string, object?> m || !m.TryGetValue(Args.Str(args[i]), out current))
            {
                return fallback;
            }
        }

        return current;
    }
}
