using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.Rendering;

namespace GitOpsConsole.Integrations.Tests.Rendering;

public sealed class ChartRendererConfigurationTests
{
    [Fact]
    public void Validate_HelmAndNoHelmOnPath_NamesRendererKey()
    {
        using var empty = new FakeHelm();
        File.Delete(empty.Executable);

        var error = ChartRendererConfiguration.Validate(new GitOpsOptions { Renderer = RendererKind.Helm }, empty.Folder);

        Assert.NotNull(error);
        Assert.StartsWith("GitOps:Renderer:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HelmPathMissing_NamesHelmPathKey()
    {
        var error = ChartRendererConfiguration.Validate(new GitOpsOptions { Renderer = RendererKind.Helm, HelmPath = "/nonexistent/helm" }, null);

        Assert.NotNull(error);
        Assert.StartsWith("GitOps:HelmPath: '/nonexistent/helm'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_HelmOnPath_RunsThatBinary()
    {
        using var helm = new FakeHelm();
        var options = new GitOpsOptions { Renderer = RendererKind.Helm };

        var renderer = ChartRendererConfiguration.Create(options, "/nonexistent" + Path.PathSeparator + helm.Folder);

        Assert.Null(ChartRendererConfiguration.Validate(options, helm.Folder));
        Assert.Equal(helm.Executable, Assert.IsType<HelmBinaryRenderer>(renderer).Executable);
    }

    [Fact]
    public void Create_HelmPathNotExecutable_Refused()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "file modes are a Unix notion");
        using var helm = new FakeHelm();
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helm.Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var options = new GitOpsOptions { Renderer = RendererKind.Helm, HelmPath = helm.Executable };

        Assert.NotNull(ChartRendererConfiguration.Validate(options, null));
        Assert.Throws<InvalidOperationException>(() => ChartRendererConfiguration.Create(options, null));
    }

    [Fact]
    public void Create_Default_IsTheBuiltinRenderer()
    {
        Assert.Null(ChartRendererConfiguration.Validate(new GitOpsOptions(), null));
        Assert.IsType<BuiltinChartRenderer>(ChartRendererConfiguration.Create(new GitOpsOptions(), null));
    }
}
