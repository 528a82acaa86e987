using System.Text;

namespace GitOpsConsole.Helm.Tests.Rendering;

/// <summary>Builds in-memory chart file sets for rendering tests.</summary>
internal sealed class ChartFiles
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public static ChartFiles Chart(string name, string extraMetadata = "") =>
        new ChartFiles().Add("Chart.yaml", $"apiVersion: v2\nname: {name}\nversion: 0.1.0\n{extraMetadata}");

    public ChartFiles Add(string path, string text)
    {
        _files[path] = Encoding.UTF8.GetBytes(text);
        return this;
    }

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public string Render(RenderOptions? options = null) => HelmRenderer.RenderFiles(_files, options ?? new RenderOptions()).FormatHelmOutput();
}
