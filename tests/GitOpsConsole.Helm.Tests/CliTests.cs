using GitOpsConsole.Cli;

namespace GitOpsConsole.Helm.Tests;

/// <summary>The CLI run in-process: the render verb, its help and its errors.</summary>
public sealed class CliTests
{
    [Fact]
    public void Run_RenderScaffold_PrintsHelmTemplateOutput()
    {
        Fixtures.Require("helm-scaffold");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = CliApp.Run(["render", Fixtures.Path("helm-scaffold"), "--set", "replicaCount=2", "--namespace", "apps"], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.StartsWith("---\n# Source: scaffold/templates/serviceaccount.yaml\n", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("  replicas: 2\n", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RenderHelp_PrintsUsage()
    {
        var stdout = new StringWriter();

        var exit = CliApp.Run(["render", "--help"], stdout, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("--show-only", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingChart_WritesErrorAndExitsWithOne()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = CliApp.Run(["render", "/nonexistent/chart"], stdout, stderr);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.StartsWith("Error: path \"/nonexistent/chart\" not found", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownVerb_ExitsWithOne()
    {
        var stderr = new StringWriter();

        var exit = CliApp.Run(["explode"], new StringWriter(), stderr);

        Assert.Equal(1, exit);
        Assert.Contains("unknown command \"explode\"", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownFlag_ExitsWithOne()
    {
        var stderr = new StringWriter();

        var exit = CliApp.Run(["render", "chart", "--bogus"], new StringWriter(), stderr);

        Assert.Equal(1, exit);
        Assert.Contains("unknown flag: --bogus", stderr.ToString(), StringComparison.Ordinal);
    }
}
