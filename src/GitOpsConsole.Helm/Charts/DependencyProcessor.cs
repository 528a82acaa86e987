using GitOpsConsole.Helm.Templates;
using GitOpsConsole.Helm.Values;

namespace GitOpsConsole.Helm.Charts;

/// <summary>Helm's ProcessDependencies: drop subcharts disabled by tags or conditions, then apply import-values.</summary>
internal static class DependencyProcessor
{
    public static void Process(ChartNode root, IDictionary<string, object?> userValues)
    {
        ProcessEnabled(root, userValues, string.Empty);
        ProcessImports(root);
    }

    private static void ProcessEnabled(ChartNode node, IDictionary<string, object?> values, string path)
    {
        if (node.Declared.Count == 0)
        {
            return;
        }

        var cvals = Coalescer.CoalesceValues(node, values);
        var enabled = node.Declared.ToDictionary(d => d.EffectiveName, _ => true, StringComparer.Ordinal);
        ApplyTags(node.Declared, cvals, enabled);
        ApplyConditions(node.Declared, cvals, path, enabled);
        node.RemoveDependencies(enabled.Where(e => !e.Value).Select(e => e.Key).ToHashSet(StringComparer.Ordinal));
        foreach (var sub in node.Dependencies)
        {
            ProcessEnabled(sub, cvals, path + sub.Name + ".");
        }
    }

    private static void ApplyTags(List<ChartDependency> declared, Dictionary<string, object?> cvals, Dictionary<string, bool> enabled)
    {
        if (ValueTree.Table(cvals, "tags") is not { } tags)
        {
            return;
        }

        foreach (var dependency in declared)
        {
            bool hasTrue = false, hasFalse = false;
            foreach (var tag in dependency.Tags)
            {
                if (tags.TryGetValue(tag, out var value) && value is bool b)
                {
                    hasTrue |= b;
                    hasFalse |= !b;
                }
            }

            enabled[dependency.EffectiveName] = hasTrue || !hasFalse;
        }
    }

    private static void ApplyConditions(List<ChartDependency> declared, Dictionary<string, object?> cvals, string path, Dictionary<string, bool> enabled)
    {
        foreach (var dependency in declared)
        {
            foreach (var condition in dependency.Condition.Trim().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (ValueTree.TryGetPath(cvals, path + condition, out var value) && value is bool b)
                {
                    enabled[dependency.EffectiveName] = b;
                    break;
                }
            }
        }
    }

    private static void ProcessImports(ChartNode node)
    {
        foreach (var sub in node.Dependencies)
        {
            ProcessImports(sub);
        }

        if (node.Declared.Count == 0)
        {
            return;
        }

        var cvals = Coalescer.MergeValues(node, null);
        var imported = ValueTree.NewMap();
        foreach (var dependency in node.Declared)
        {
            foreach (var entry in dependency.ImportValues)
            {
                var (child, parent) = entry switch
                {
                    IDictionary<string, object?> map => (GoValues.Sprint(map.TryGetValue("child", out var c) ? c : null), GoValues.Sprint(map.TryGetValue("parent", out var p) ? p : null)),
                    string name => ("exports." + name, "."),
                    _ => (string.Empty, string.Empty),
                };
                if (child.Length == 0 || ValueTree.Table(cvals, dependency.EffectiveName + "." + child) is not Dictionary<string, object?> table)
                {
                    continue;
                }

                Coalescer.CoalesceTables(imported, PathToMap(parent, ValueTree.CopyMap(table)), merge: true);
            }
        }

        node.Values = Coalescer.CoalesceTables(ValueTree.CopyMap(cvals), imported, merge: true);
    }

    private static Dictionary<string, object?> PathToMap(string path, Dictionary<string, object?> data)
    {
        if (path == ".")
        {
            return data;
        }

        var current = data;
        foreach (var part in path.Split('.').Reverse())
        {
            current = new Dictionary<string, object?>(StringComparer.Ordinal) { [part] = current };
        }

        return current;
    }
}
