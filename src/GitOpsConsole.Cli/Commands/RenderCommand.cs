using GitOpsConsole.Helm;

namespace GitOpsConsole.Cli.Commands;

/// <summary>`render CHART [flags]`: prints exactly what `helm template CHART [flags]` prints.</summary>
internal sealed class RenderCommand : ICommand
{
    private const string Usage = """
        Usage: gitops render <chart-or-manifest-folder> [flags]

        Renders a Helm chart (or a folder of plain manifests) like `helm template`, without Helm.

        Flags:
          -f, --values FILE          values file, may repeat (later files win)
              --set K=V              set values (Helm --set syntax), may repeat
              --set-string K=V       set string values, may repeat
              --set-json K=JSON      set JSON values, may repeat
              --set-file K=PATH      set values from file contents, may repeat
              --set-literal K=V      set a literal string value (commas and all), may repeat
          -s, --show-only PATH       only show manifests rendered from this template, may repeat
              --include-crds         include CRDs from crds/ folders
              --skip-tests           leave out test hooks
              --is-upgrade           set .Release.IsUpgrade instead of .Release.IsInstall
              --kube-version VER     Kubernetes version for .Capabilities (default v1.20.0)
          -a, --api-versions G/V     extra API versions for .Capabilities, comma separated, may repeat
              --release-name NAME    release name (default "release-name")
          -n, --namespace NS         release namespace (default "default")
          -h, --help                 show this help

        """;

    public string Name => "render";

    public string Summary => "render a Helm chart like `helm template`";

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        RenderArguments parsed;
        try
        {
            parsed = RenderArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"Error: {ex.Message}");
            stderr.Write(Usage);
            return 1;
        }

        if (parsed.ShowHelp)
        {
            stdout.Write(Usage);
            return 0;
        }

        if (parsed.ChartPath is null)
        {
            stderr.WriteLine("Error: \"render\" requires a chart path");
            stderr.Write(Usage);
            return 1;
        }

        try
        {
            stdout.Write(HelmRenderer.Render(parsed.ChartPath, parsed.Options).FormatHelmOutput());
            return 0;
        }
        catch (ChartRenderException ex)
        {
            stderr.WriteLine($"Error: {ex.Message}");
            return 1;
        }
    }
}
