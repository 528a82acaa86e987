using GitOpsConsole.Helm;

namespace GitOpsConsole.Integrations.Rendering;

/// <summary>
/// Renders one chart folder (or plain manifest folder) as <c>helm template</c> would. The files are what Git holds
/// at a commit, keyed by their path relative to the folder.
/// </summary>
public interface IChartRenderer
{
    /// <summary>Which renderer this is, for messages and the UI (<c>Builtin</c> or <c>Helm</c>).</summary>
    string Name { get; }

    /// <exception cref="ChartRenderException">The chart does not render; the message says why.</exception>
    Task<RenderResult> RenderAsync(IReadOnlyDictionary<string, byte[]> files, ChartRenderRequest request, CancellationToken cancellationToken);
}

/// <summary>The <c>helm template</c> flags the operator uses: release, namespace, <c>-f</c> values documents, CRDs, tests.</summary>
public sealed record ChartRenderRequest(string ReleaseName, string Namespace)
{
    /// <summary>Values documents layered over the chart's values.yaml in order, like repeated <c>-f</c>.</summary>
    public IReadOnlyList<string> ValuesYaml { get; init; } = [];

    public bool IncludeCrds { get; init; } = true;

    public bool SkipTests { get; init; } = true;
}
