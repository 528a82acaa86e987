using GitOpsConsole.Core.Configuration;

namespace GitOpsConsole.Integrations.Rendering;

/// <summary>
/// <c>GitOps:Renderer=Helm</c> needs a helm binary; checked at start so a missing one stops the console with the key
/// named instead of failing every sync later.
/// </summary>
public static class ChartRendererConfiguration
{
    /// <summary>The start-up error, or null when the configuration can render.</summary>
    public static string? Validate(GitOpsOptions options, string? pathVariable)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Renderer != RendererKind.Helm || HelmBinary.Find(options.HelmPath, pathVariable) is not null)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(options.HelmPath)
            ? "GitOps:Renderer: Helm renders charts with a helm binary, but no executable 'helm' was found on PATH. Install helm, set GitOps:HelmPath, or use GitOps:Renderer=Builtin."
            : $"GitOps:HelmPath: '{options.HelmPath}' is not an executable file (GitOps:Renderer=Helm runs it). Point it at the helm binary, or use GitOps:Renderer=Builtin.";
    }

    /// <summary>The renderer the configuration asks for; call after <see cref="Validate"/> passed.</summary>
    public static IChartRenderer Create(GitOpsOptions options, string? pathVariable)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Renderer == RendererKind.Helm
            ? new HelmBinaryRenderer(HelmBinary.Find(options.HelmPath, pathVariable)
                ?? throw new InvalidOperationException(Validate(options, pathVariable)))
            : new BuiltinChartRenderer();
    }
}
