using System.Text;

namespace GitOpsConsole.Helm.Output;

/// <summary>A folder of plain .yaml/.yml/.json manifests, printed like a chart's rendered templates.</summary>
internal static class PlainManifests
{
    public static RenderResult Render(IReadOnlyDictionary<string, byte[]> files, RenderOptions options)
    {
        var manifests = files
            .Where(f => f.Key.EndsWith(".yaml", StringComparison.Ordinal) || f.Key.EndsWith(".yml", StringComparison.Ordinal) || f.Key.EndsWith(".json", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => Encoding.UTF8.GetString(f.Value), StringComparer.Ordinal);
        if (manifests.Count == 0)
        {
            throw new ChartRenderException("no Chart.yaml and no .yaml, .yml or .json manifests found");
        }

        var (hooks, sorted) = ManifestSorter.Sort(manifests);
        return HelmOutputWriter.Write([], sorted, hooks, options, string.Empty);
    }
}
