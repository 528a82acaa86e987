using System.Text;
using GitOpsConsole.Helm.Charts;
using GitOpsConsole.Helm.Functions;
using GitOpsConsole.Helm.Objects;
using GitOpsConsole.Helm.Output;
using GitOpsConsole.Helm.Rendering;
using GitOpsConsole.Helm.Templates;
using GitOpsConsole.Helm.Values;

namespace GitOpsConsole.Helm;

/// <summary>
/// What `helm template` does, without Helm: renders a chart directory, an in-memory chart, or a plain folder of
/// manifests into ordered documents and Helm's exact stdout.
/// </summary>
public static class HelmRenderer
{
    /// <summary>Renders a chart directory, a packaged chart (.tgz), or a plain manifest folder when there is no Chart.yaml.</summary>
    public static RenderResult Render(string path, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        if (File.Exists(path) && (path.EndsWith(".tgz", StringComparison.Ordinal) || path.EndsWith(".tar.gz", StringComparison.Ordinal)))
        {
            return Render(ChartLoader.LoadFiles(ChartLoader.ReadArchive(File.ReadAllBytes(path), path)), options);
        }

        if (!Directory.Exists(path))
        {
            throw new ChartRenderException($"path \"{path}\" not found");
        }

        return RenderFiles(ChartLoader.ReadDirectory(path), options);
    }

    /// <summary>Renders a file set (path relative to the chart root → bytes), e.g. read from a Git commit.</summary>
    public static RenderResult RenderFiles(IReadOnlyDictionary<string, byte[]> files, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        return files.ContainsKey("Chart.yaml")
            ? Render(ChartLoader.LoadFiles(files), options)
            : PlainManifests.Render(files, options);
    }

    /// <summary>Renders an already loaded chart; templates parsed by earlier renders of it are reused.</summary>
    public static RenderResult Render(Chart chart, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(options);
        if (chart.Metadata.IsLibrary)
        {
            throw new ChartRenderException("library charts are not installable");
        }

        var userValues = UserValues.Build(options, File.ReadAllBytes);
        CheckDependenciesPresent(chart);
        var root = ChartNode.Build(chart);
        DependencyProcessor.Process(root, userValues);
        var values = Coalescer.CoalesceValues(root, userValues);
        var kubeVersion = KubeVersionObject.Parse(options.KubeVersion);
        CheckKubeVersion(chart, kubeVersion);
        var capabilities = new CapabilitiesObject(kubeVersion, new ApiVersionsObject(DefaultApiVersions.Create(options.ApiVersions)));
        var rendered = TemplateEngine.Render(root, values, Release(options), capabilities, new RenderServices(options.TimeProvider));

        var notesPath = root.Name + "/templates/NOTES.txt";
        var notes = rendered.GetValueOrDefault(notesPath, string.Empty);
        var files = rendered.Where(r => !r.Key.EndsWith("NOTES.txt", StringComparison.Ordinal));
        var (hooks, manifests) = ManifestSorter.Sort(files);
        var crds = options.IncludeCrds ? Crds(root) : [];
        return HelmOutputWriter.Write(crds, manifests, hooks, options, notes);
    }

    /// <summary>Like `helm template`, refuse a chart whose declared dependencies were never vendored into charts/.</summary>
    private static void CheckDependenciesPresent(Chart chart)
    {
        var missing = chart.Metadata.Dependencies.Where(d => chart.Subcharts.All(s => s.Name != d.Name)).Select(d => d.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ChartRenderException("An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: " + string.Join(", ", missing));
        }
    }

    /// <summary>Chart.yaml's kubeVersion constraint must admit the target version, as Helm checks before rendering.</summary>
    private static void CheckKubeVersion(Chart chart, KubeVersionObject kubeVersion)
    {
        var constraint = chart.Metadata.KubeVersion;
        if (constraint.Length == 0)
        {
            return;
        }

        bool compatible;
        try
        {
            compatible = SemverConstraint.Satisfies(constraint, SemanticVersion.Parse(kubeVersion.Version));
        }
        catch (FunctionException)
        {
            compatible = false;
        }

        if (!compatible)
        {
            throw new ChartRenderException($"chart requires kubeVersion: {constraint} which is incompatible with Kubernetes {kubeVersion.Version}");
        }
    }

    private static Dictionary<string, object?> Release(RenderOptions options) => new(StringComparer.Ordinal)
    {
        ["Name"] = options.ReleaseName,
        ["Namespace"] = options.Namespace,
        ["IsUpgrade"] = options.IsUpgrade,
        ["IsInstall"] = !options.IsUpgrade,
        ["Revision"] = 1L,
        ["Service"] = "Helm",
    };

    /// <summary>crds/ of the chart, then of each enabled subchart, depth first.</summary>
    private static List<(string Path, string Content)> Crds(ChartNode node)
    {
        var crds = node.Chart.Crds.Select(f => (node.FullPath + "/" + f.Path, Encoding.UTF8.GetString(f.Data))).ToList();
        foreach (var dependency in node.Dependencies)
        {
            crds.AddRange(Crds(dependency));
        }

        return crds;
    }
}
