using GitOpsConsole.Helm;

namespace GitOpsConsole.Integrations.Rendering;

/// <summary>The console's own renderer (<see cref="HelmRenderer"/>): no process, no temporary files.</summary>
public sealed class BuiltinChartRenderer : IChartRenderer
{
    public string Name => "Builtin";

    public Task<RenderResult> RenderAsync(IReadOnlyDictionary<string, byte[]> files, ChartRenderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(HelmRenderer.RenderFiles(files, new RenderOptions
        {
            ReleaseName = request.ReleaseName,
            Namespace = request.Namespace,
            ValuesYaml = request.ValuesYaml,
            IncludeCrds = request.IncludeCrds,
            SkipTests = request.SkipTests,
        }));
    }
}
