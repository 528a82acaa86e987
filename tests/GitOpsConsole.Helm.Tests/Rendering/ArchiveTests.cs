using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace GitOpsConsole.Helm.Tests.Rendering;

public sealed class ArchiveTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("helm-archive-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] Package(string folder, params (string Path, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var (path, text) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, folder + "/" + path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
                tar.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Render_PackagedChartFile_RendersLikeTheFolder()
    {
        var path = Path.Combine(_directory, "app-0.1.0.tgz");
        File.WriteAllBytes(path, Package("app", ("Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n"), ("templates/ns.yaml", "kind: Namespace\nmetadata:\n  name: {{ .Release.Namespace }}\n")));

        var output = HelmRenderer.Render(path, new RenderOptions { Namespace = "team" }).FormatHelmOutput();

        Assert.Equal("---\n# Source: app/templates/ns.yaml\nkind: Namespace\nmetadata:\n  name: team\n", output);
    }

    [Fact]
    public void RenderFiles_SubchartArchiveUnderCharts_IsRendered()
    {
        var chart = ChartFiles.Chart("parent").Add("templates/a.yaml", "kind: ConfigMap\n");
        var files = new Dictionary<string, byte[]>(chart.Files)
        {
            ["charts/sub-1.0.0.tgz"] = Package("sub", ("Chart.yaml", "apiVersion: v2\nname: sub\nversion: 1.0.0\n"), ("templates/s.yaml", "kind: Service\n")),
        };

        var result = HelmRenderer.RenderFiles(files, new RenderOptions());

        Assert.Equal(["parent/templates/a.yaml", "parent/charts/sub/templates/s.yaml"], result.Documents.Select(d => d.SourcePath));
    }

    [Fact]
    public void Render_CorruptArchive_FailsWithClearError()
    {
        var path = Path.Combine(_directory, "bad.tgz");
        File.WriteAllBytes(path, [1, 2, 3]);

        var ex = Assert.Throws<ChartRenderException>(() => HelmRenderer.Render(path, new RenderOptions()));

        Assert.Contains("not a valid chart archive", ex.Message, StringComparison.Ordinal);
    }
}
