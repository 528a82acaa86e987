using GitOpsConsole.Core.Domain;
using GitOpsConsole.Helm;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Rendering;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// Renders an application's folder at a commit, as <c>helm template &lt;app&gt; &lt;path&gt; -n &lt;namespace&gt;
/// -f &lt;values file&gt;</c> would, or reads it as plain manifests when it has no Chart.yaml. Which renderer does
/// it is configuration (<c>GitOps:Renderer</c>): the built-in one unless another is given.
/// </summary>
internal sealed class ChartSource(GitMirrorCache mirrors, IGitReader git, IChartRenderer? renderer = null)
{
    private readonly IChartRenderer _renderer = renderer ?? new BuiltinChartRenderer();

    public const string DefaultValuesFile = "values.yaml";

    /// <summary>The commit <paramref name="revision"/> names after a fetch, so a push made a moment ago is seen.</summary>
    public async Task<string> ResolveAsync(Application app, string revision, CancellationToken cancellationToken)
    {
        await mirrors.FetchAsync(app.Name, cancellationToken);
        return await git.ResolveAsync(app.Name, revision, cancellationToken);
    }

    /// <exception cref="ChartRenderException">The chart does not render; the message is Helm's.</exception>
    public async Task<RenderResult> RenderAsync(Application app, string sha, CancellationToken cancellationToken)
    {
        var files = await git.ReadFolderAsync(app.Name, sha, app.Path, cancellationToken);
        var values = new List<string>();

        // The chart's own values.yaml is always the defaults; another file is layered on top like -f.
        if (!string.IsNullOrEmpty(app.ValuesFile) && app.ValuesFile != DefaultValuesFile && files.ContainsKey("Chart.yaml"))
        {
            if (!files.TryGetValue(app.ValuesFile, out var content))
            {
                throw new ChartRenderException($"values file '{app.ValuesFile}' not found in '{app.Path}' at {sha[..7]}");
            }

            values.Add(System.Text.Encoding.UTF8.GetString(content));
        }

        return await _renderer.RenderAsync(files, new ChartRenderRequest(app.Name, app.Namespace)
        {
            ValuesYaml = values,
            IncludeCrds = true,
            SkipTests = true,
        }, cancellationToken);
    }
}
