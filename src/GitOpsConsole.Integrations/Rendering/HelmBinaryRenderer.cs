using GitOpsConsole.Helm;

namespace GitOpsConsole.Integrations.Rendering;

/// <summary>
/// <c>GitOps:Renderer=Helm</c>: writes the chart to a temporary folder and runs
/// <c>helm template &lt;release&gt; &lt;chart&gt; --namespace &lt;ns&gt; -f &lt;values&gt;… [--include-crds] [--skip-tests]</c>,
/// as Argo CD's repo-server does, then sorts helm's output like the built-in renderer. Plain manifest folders
/// (no Chart.yaml) are not charts to helm and are read by the built-in renderer.
/// </summary>
public sealed class HelmBinaryRenderer(string executable, TimeSpan? timeout = null) : IChartRenderer
{
    // Argo CD's repo-server gives an exec 90 s by default (ARGOCD_EXEC_TIMEOUT).
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(90);
    private readonly BuiltinChartRenderer _plainFolders = new();

    public string Name => "Helm";

    public string Executable { get; } = executable;

    public async Task<RenderResult> RenderAsync(IReadOnlyDictionary<string, byte[]> files, ChartRenderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(request);
        if (!files.ContainsKey("Chart.yaml"))
        {
            return await _plainFolders.RenderAsync(files, request, cancellationToken);
        }

        if (!File.Exists(Executable))
        {
            throw new ChartRenderException($"the helm binary '{Executable}' does not exist; install helm, set GitOps:HelmPath, or use GitOps:Renderer=Builtin");
        }

        var work = Directory.CreateTempSubdirectory("gitops-helm-");
        try
        {
            var arguments = await WriteInputsAsync(work.FullName, files, request, cancellationToken);
            var outcome = await HelmProcess.RunAsync(Executable, arguments, _timeout, cancellationToken);
            if (outcome.ExitCode != 0)
            {
                var error = outcome.Error.Trim();
                throw new ChartRenderException(error.StartsWith("Error: ", StringComparison.Ordinal) ? error[7..] : $"helm template exited with {outcome.ExitCode}: {error}");
            }

            var rendered = HelmOutputReader.ReadFiles(outcome.Output);
            // An empty render is legal for helm; the manifest reader wants at least one (here empty) file.
            return HelmRenderer.RenderFiles(rendered.Count > 0 ? rendered : new() { ["empty.yaml"] = [] },
                new RenderOptions { ReleaseName = request.ReleaseName, Namespace = request.Namespace });
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<List<string>> WriteInputsAsync(string work, IReadOnlyDictionary<string, byte[]> files, ChartRenderRequest request, CancellationToken cancellationToken)
    {
        var chart = Path.Combine(work, "chart");
        foreach (var (path, content) in files)
        {
            var target = Path.GetFullPath(Path.Combine(chart, path));
            if (!target.StartsWith(chart + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ChartRenderException($"the chart file '{path}' points outside the chart folder");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, content, cancellationToken);
        }

        List<string> arguments = ["template", request.ReleaseName, chart, "--namespace", request.Namespace];
        for (var i = 0; i < request.ValuesYaml.Count; i++)
        {
            var values = Path.Combine(work, $"values-{i}.yaml");
            await File.WriteAllTextAsync(values, request.ValuesYaml[i], cancellationToken);
            arguments.AddRange(["-f", values]);
        }

        if (request.IncludeCrds)
        {
            arguments.Add("--include-crds");
        }

        if (request.SkipTests)
        {
            arguments.Add("--skip-tests");
        }

        return arguments;
    }
}
