using GitOpsConsole.Helm.Charts;

namespace GitOpsConsole.Helm.Values;

/// <summary>
/// Helm's value coalescing: user values win over chart defaults, a user null deletes a default,
/// subcharts get their section plus the parent's globals. <c>merge</c> mode keeps nulls (used for import-values).
/// </summary>
internal static class Coalescer
{
    private const string GlobalKey = "global";

    public static Dictionary<string, object?> CoalesceValues(ChartNode chart, IDictionary<string, object?>? values) =>
        Coalesce(chart, values is null ? ValueTree.NewMap() : ValueTree.CopyMap(values), merge: false);

    public static Dictionary<string, object?> MergeValues(ChartNode chart, IDictionary<string, object?>? values) =>
        Coalesce(chart, values is null ? ValueTree.NewMap() : ValueTree.CopyMap(values), merge: true);

    private static Dictionary<string, object?> Coalesce(ChartNode chart, Dictionary<string, object?> dest, bool merge)
    {
        CoalesceChartValues(chart, dest, merge);
        foreach (var sub in chart.Dependencies)
        {
            if (!dest.TryGetValue(sub.Name, out var existing))
            {
                dest[sub.Name] = ValueTree.NewMap();
            }
            else if (existing is not Dictionary<string, object?>)
            {
                throw new ChartRenderException($"type mismatch on {sub.Name}: %!t({GitOpsConsole.Helm.Templates.GoValues.TypeName(existing)}={GitOpsConsole.Helm.Templates.GoValues.Sprint(existing)})");
            }

            var section = (Dictionary<string, object?>)dest[sub.Name]!;
            CoalesceGlobals(section, dest);
            dest[sub.Name] = Coalesce(sub, section, merge);
        }

        return dest;
    }

    private static void CoalesceGlobals(Dictionary<string, object?> dest, Dictionary<string, object?> src)
    {
        var dg = dest.TryGetValue(GlobalKey, out var d) ? d as Dictionary<string, object?> : ValueTree.NewMap();
        var sg = src.TryGetValue(GlobalKey, out var s) ? s as Dictionary<string, object?> : ValueTree.NewMap();
        if (dg is null || sg is null)
        {
            return;
        }

        foreach (var (key, value) in sg)
        {
            if (value is Dictionary<string, object?> table)
            {
                var copy = new Dictionary<string, object?>(table, StringComparer.Ordinal);
                if (!dg.TryGetValue(key, out var existing))
                {
                    dg[key] = copy;
                }
                else if (existing is Dictionary<string, object?> existingTable)
                {
                    CoalesceTables(copy, existingTable, merge: true);
                    dg[key] = copy;
                }
            }
            else if (!(dg.TryGetValue(key, out var existing) && existing is Dictionary<string, object?>))
            {
                dg[key] = value;
            }
        }

        dest[GlobalKey] = dg;
    }

    private static void CoalesceChartValues(ChartNode chart, Dictionary<string, object?> v, bool merge)
    {
        foreach (var (key, defaultValue) in ValueTree.CopyMap(chart.Values))
        {
            if (v.TryGetValue(key, out var value))
            {
                if (value is null && !merge)
                {
                    v.Remove(key);
                }
                else if (value is Dictionary<string, object?> dest && defaultValue is Dictionary<string, object?> src)
                {
                    var mergeChild = merge || chart.Dependencies.Any(d => d.Name == key);
                    if (!mergeChild)
                    {
                        CleanNulls(src);
                    }

                    CoalesceTables(dest, src, mergeChild);
                }

                continue;
            }

            if (!merge)
            {
                if (defaultValue is null)
                {
                    continue;
                }

                if (defaultValue is Dictionary<string, object?> sub)
                {
                    CleanNulls(sub);
                }
            }

            v[key] = defaultValue;
        }
    }

    /// <summary>Fills <paramref name="dst"/> from <paramref name="src"/>; dst wins. Returns dst.</summary>
    public static Dictionary<string, object?> CoalesceTables(Dictionary<string, object?> dst, Dictionary<string, object?> src, bool merge)
    {
        var srcNonNull = src.Where(kv => kv.Value is not null).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in dst.ToList())
        {
            if (value is null)
            {
                src[key] = null;
            }
        }

        foreach (var (key, value) in src)
        {
            var present = dst.TryGetValue(key, out var dv);
            if (present && !merge && dv is null && srcNonNull.Contains(key))
            {
                dst.Remove(key);
            }
            else if (!present)
            {
                dst[key] = value;
            }
            else if (value is Dictionary<string, object?> srcTable && dv is Dictionary<string, object?> dstTable)
            {
                CoalesceTables(dstTable, srcTable, merge);
            }
        }

        return dst;
    }

    private static void CleanNulls(Dictionary<string, object?> map)
    {
        foreach (var (key, value) in map.ToList())
        {
            if (value is null)
            {
                map.Remove(key);
            }
            else if (value is Dictionary<string, object?> sub)
            {
                CleanNulls(sub);
            }
        }
    }
}
