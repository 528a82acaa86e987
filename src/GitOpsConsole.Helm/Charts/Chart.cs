using System.Collections.Concurrent;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Charts;

/// <summary>
/// A loaded chart: metadata, default values, templates, other files and subcharts. Parsed templates are cached
/// here, so rendering the same chart again only executes them.
/// </summary>
public sealed class Chart
{
    private readonly ConcurrentDictionary<string, ParsedTemplate> _parsed = new(StringComparer.Ordinal);

    internal Chart(
        ChartMetadata metadata,
        Dictionary<string, object?> values,
        IReadOnlyList<ChartFile> templates,
        IReadOnlyList<ChartFile> files,
        IReadOnlyList<Chart> subcharts)
    {
        Metadata = metadata;
        Values = values;
        Templates = templates;
        Files = files;
        Subcharts = subcharts;
    }

    public string Name => Metadata.Name;

    public string Version => Metadata.Version;

    /// <summary>Files under templates/.</summary>
    public IReadOnlyList<ChartFile> Templates { get; }

    /// <summary>Every other file the chart ships (what .Files sees), including crds/.</summary>
    public IReadOnlyList<ChartFile> Files { get; }

    public IReadOnlyList<Chart> Subcharts { get; }

    internal ChartMetadata Metadata { get; }

    internal Dictionary<string, object?> Values { get; }

    /// <summary>CRD files (crds/*.yaml|yml|json), in path order.</summary>
    public IEnumerable<ChartFile> Crds => Files
        .Where(f => f.Path.StartsWith("crds/", StringComparison.Ordinal) &&
                    (f.Path.EndsWith(".yaml", StringComparison.Ordinal) || f.Path.EndsWith(".yml", StringComparison.Ordinal) || f.Path.EndsWith(".json", StringComparison.Ordinal)))
        .OrderBy(f => f.Path, StringComparer.Ordinal);

    /// <summary>Parses a template once per full name (the name depends on where the chart sits and on aliases).</summary>
    internal ParsedTemplate GetParsed(string fullName, ChartFile file, FunctionRegistry functions) =>
        _parsed.GetOrAdd(fullName, name => Parser.Parse(name, System.Text.Encoding.UTF8.GetString(file.Data), functions.Contains));
}
