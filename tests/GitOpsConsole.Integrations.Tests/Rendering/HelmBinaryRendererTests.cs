using System.Text;
using GitOpsConsole.Helm;
using GitOpsConsole.Integrations.Rendering;

namespace GitOpsConsole.Integrations.Tests.Rendering;

public sealed class HelmBinaryRendererTests
{
    private static readonly Dictionary<string, byte[]> Chart = new(StringComparer.Ordinal)
    {
        ["Chart.yaml"] = Encoding.UTF8.GetBytes("apiVersion: v2\nname: demo\nversion: 0.1.0\n"),
        ["values.yaml"] = Encoding.UTF8.GetBytes("colour: blue\n"),
        ["templates/config.yaml"] = Encoding.UTF8.GetBytes("kind: ConfigMap\n"),
    };

    [Fact]
    public async Task RenderAsync_FakeHelm_RunsHelmTemplateWithReleaseNamespaceAndValuesFiles()
    {
        using var helm = new FakeHelm();
        var renderer = new HelmBinaryRenderer(helm.Executable);

        await renderer.RenderAsync(Chart, new ChartRenderRequest("shop", "shop-prod") { ValuesYaml = ["colour: green\n"] }, TestContext.Current.CancellationToken);

        var args = helm.LastArguments;
        Assert.Equal(["template", "shop"], args.Take(2));
        Assert.Equal(["--namespace", "shop-prod", "-f"], args.Skip(3).Take(3));
        Assert.Equal(["--include-crds", "--skip-tests"], args.Skip(7));
        Assert.EndsWith("values-0.yaml", args[6], StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(args[2])), "the temporary chart folder is removed after the render");
    }

    [Fact]
    public async Task RenderAsync_FakeHelm_DocumentsSortedInInstallOrderWithHooksMarked()
    {
        using var helm = new FakeHelm();

        var result = await new HelmBinaryRenderer(helm.Executable).RenderAsync(
            Chart, new ChartRenderRequest("shop", "shop-prod") { ValuesYaml = ["colour: green\n"] }, TestContext.Current.CancellationToken);

        Assert.Equal(["ConfigMap", "ConfigMap", "Deployment", "Job"], result.Documents.Select(d => d.Kind));
        Assert.Equal(["shop-config", "shop-extra", "shop", "shop-migrate"], result.Documents.Select(d => d.Name));
        Assert.All(result.Documents.Take(2), d => Assert.Equal("demo/templates/config.yaml", d.SourcePath));
        Assert.True(result.Documents[^1].IsHook);
        Assert.Contains("colour: \"green\"", result.Documents[0].Content, StringComparison.Ordinal);
        Assert.Contains("namespace: shop-prod", result.Documents[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_HelmFails_MessageIsHelmsError()
    {
        using var helm = new FakeHelm();
        var broken = new Dictionary<string, byte[]>(Chart, StringComparer.Ordinal) { ["templates/broken.yaml"] = [] };

        var error = await Assert.ThrowsAsync<ChartRenderException>(() => new HelmBinaryRenderer(helm.Executable)
            .RenderAsync(broken, new ChartRenderRequest("shop", "shop"), TestContext.Current.CancellationToken));

        Assert.StartsWith("template: demo/templates/broken.yaml:3:12:", error.Message, StringComparison.Ordinal);
        Assert.Contains("nil pointer evaluating interface {}.key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_HelmHangs_StoppedWithAClearError()
    {
        using var helm = new FakeHelm();
        File.WriteAllText(helm.Executable, "#!/bin/sh\nsleep 60\n");

        var error = await Assert.ThrowsAsync<ChartRenderException>(() => new HelmBinaryRenderer(helm.Executable, TimeSpan.FromSeconds(1))
            .RenderAsync(Chart, new ChartRenderRequest("shop", "shop"), TestContext.Current.CancellationToken));

        Assert.Equal("helm template did not finish within 1 s and was stopped", error.Message);
    }

    [Fact]
    public async Task RenderAsync_BinaryMissing_ErrorNamesThePathAndTheSettings()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "helm");

        var error = await Assert.ThrowsAsync<ChartRenderException>(() => new HelmBinaryRenderer(missing)
            .RenderAsync(Chart, new ChartRenderRequest("shop", "shop"), TestContext.Current.CancellationToken));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("GitOps:HelmPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("GitOps:Renderer=Builtin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_PlainManifestFolder_ReadWithoutHelm()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "helm");
        var folder = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["service.yaml"] = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"),
        };

        var result = await new HelmBinaryRenderer(missing).RenderAsync(folder, new ChartRenderRequest("web", "web"), TestContext.Current.CancellationToken);

        Assert.Equal("Service", Assert.Single(result.Documents).Kind);
    }
}
