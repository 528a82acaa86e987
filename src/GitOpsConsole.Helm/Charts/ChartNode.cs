namespace GitOpsConsole.Helm.Charts;

/// <summary>
/// A chart as one render sees it: aliased name, enabled subcharts only, and values after import-values.
/// Helm mutates its chart for this; we build a fresh tree per render so a loaded chart stays reusable.
/// </summary>
internal sealed class ChartNode
{
    private ChartNode(Chart chart, string name, ChartNode? parent)
    {
        Chart = chart;
        Name = name;
        Parent = parent;
        Values = chart.Values;
    }

    public Chart Chart { get; }

    public string Name { get; }

    public ChartNode? Parent { get; }

    public List<ChartNode> Dependencies { get; } = [];

    /// <summary>The dependency declarations still in force (disabled ones are removed).</summary>
    public List<ChartDependency> Declared { get; } = [];

    public Dictionary<string, object?> Values { get; set; }

    /// <summary>Where the chart's templates live in the output: root/charts/sub/charts/subsub.</summary>
    public string FullPath => Parent is null ? Name : Parent.FullPath + "/charts/" + Name;

    public static ChartNode Build(Chart chart) => Build(chart, chart.Name, null);

    private static ChartNode Build(Chart chart, string name, ChartNode? parent)
    {
        var node = new ChartNode(chart, name, parent);
        var declared = chart.Metadata.Dependencies;
        var claimed = new HashSet<Chart>();
        foreach (var dependency in declared)
        {
            var sub = chart.Subcharts.FirstOrDefault(s => s.Name == dependency.Name);
            if (sub is null)
            {
                continue;
            }

            claimed.Add(sub);
            node.Dependencies.Add(Build(sub, dependency.EffectiveName, node));
            node.Declared.Add(dependency);
        }

        // Charts vendored under charts/ without a dependency entry are always rendered.
        foreach (var sub in chart.Subcharts.Where(s => !claimed.Contains(s)))
        {
            node.Dependencies.Insert(0, Build(sub, sub.Name, node));
        }

        return node;
    }

    public void RemoveDependencies(ISet<string> names)
    {
        Dependencies.RemoveAll(d => names.Contains(d.Name));
        Declared.RemoveAll(d => names.Contains(d.EffectiveName));
    }
}
