using System.Collections;

namespace GitOpsConsole.Helm.Values;

/// <summary>Helpers over the value model: string-keyed dictionaries, object lists and scalars.</summary>
internal static class ValueTree
{
    public static Dictionary<string, object?> NewMap() => new(StringComparer.Ordinal);

    public static object? DeepCopy(object? value) => value switch
    {
        IDictionary<string, object?> map => CopyMap(map),
        IList list => list.Cast<object?>().Select(DeepCopy).ToList(),
        _ => value,
    };

    public static Dictionary<string, object?> CopyMap(IDictionary<string, object?> map)
    {
        var copy = NewMap();
        foreach (var (key, value) in map)
        {
            copy[key] = DeepCopy(value);
        }

        return copy;
    }

    /// <summary>Helm's mergeMaps for -f files: maps merge recursively, anything else in <paramref name="overlay"/> replaces.</summary>
    public static Dictionary<string, object?> MergeMaps(IDictionary<string, object?> baseMap, IDictionary<string, object?> overlay)
    {
        var result = new Dictionary<string, object?>(baseMap, StringComparer.Ordinal);
        foreach (var (key, value) in overlay)
        {
            if (value is IDictionary<string, object?> overlayMap && result.TryGetValue(key, out var existing) &&
                existing is IDictionary<string, object?> existingMap)
            {
                result[key] = MergeMaps(existingMap, overlayMap);
                continue;
            }

            result[key] = value;
        }

        return result;
    }

    /// <summary>mergo-style merge used by Sprig's merge (destination wins) and mergeOverwrite (source wins).</summary>
    public static void MergeInto(IDictionary<string, object?> destination, IDictionary<string, object?> source, bool overwrite)
    {
        foreach (var (key, value) in source)
        {
            if (!destination.TryGetValue(key, out var existing))
            {
                destination[key] = DeepCopy(value);
            }
            else if (existing is IDictionary<string, object?> d && value is IDictionary<string, object?> s)
            {
                MergeInto(d, s, overwrite);
            }
            else if ((overwrite && value is not null && !IsZero(value)) || IsZero(existing))
            {
                destination[key] = DeepCopy(value);
            }
        }
    }

    private static bool IsZero(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        long l => l == 0,
        int i => i == 0,
        double d => d == 0,
        _ => false,
    };

    /// <summary>Looks a dotted path up through nested maps (Helm's Values.PathValue); false when any part is missing.</summary>
    public static bool TryGetPath(IDictionary<string, object?> root, string path, out object? value)
    {
        value = null;
        object? current = root;
        foreach (var part in path.Split('.'))
        {
            if (current is not IDictionary<string, object?> map || !map.TryGetValue(part, out current))
            {
                return false;
            }
        }

        value = current;
        return true;
    }

    /// <summary>Helm's Values.Table: the map at a dotted path, or null.</summary>
    public static IDictionary<string, object?>? Table(IDictionary<string, object?> root, string path) =>
        TryGetPath(root, path, out var value) ? value as IDictionary<string, object?> : null;
}
