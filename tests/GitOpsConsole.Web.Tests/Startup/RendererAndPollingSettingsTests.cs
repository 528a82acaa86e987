using GitOpsConsole.Web.Startup;
using Microsoft.Extensions.Configuration;

namespace GitOpsConsole.Web.Tests.Startup;

/// <summary>GitOps:Renderer, GitOps:HelmPath and GitOps:Ingestion:PollInterval at the start-up gate.</summary>
public class RendererAndPollingSettingsTests
{
    private static StartupCheck Check(params (string Key, string Value)[] settings) =>
        StartupGate.Check(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            "/srv/console");

    [Fact]
    public void Check_HelmRendererWithMissingBinary_RefusedNamingHelmPath()
    {
        var check = Check(("GitOps:Renderer", "Helm"), ("GitOps:HelmPath", "/nonexistent/bin/helm"));

        Assert.False(check.Succeeded);
        Assert.StartsWith("GitOps:HelmPath: '/nonexistent/bin/helm'", Assert.Single(check.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownRenderer_NamesTheKey()
    {
        var check = Check(("GitOps:Renderer", "Kustomize"));

        Assert.Contains("GitOps:Renderer", Assert.Single(check.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Defaults_BuiltinRendererAndPollingEveryMinute()
    {
        var check = Check();

        Assert.Equal(Core.Configuration.RendererKind.Builtin, check.Options!.Renderer);
        Assert.Equal(TimeSpan.FromMinutes(1), check.Options.Ingestion.PollInterval);
    }

    [Theory]
    [InlineData("00:00:00", true)]
    [InlineData("00:00:15", true)]
    [InlineData("60", false)]
    [InlineData("-00:00:05", false)]
    public void Check_PollInterval_ZeroOrASecondToADay(string value, bool accepted)
    {
        var check = Check(("GitOps:Ingestion:PollInterval", value));

        Assert.Equal(accepted, check.Succeeded);
        Assert.All(check.Errors, e => Assert.StartsWith("GitOps:Ingestion:PollInterval", e, StringComparison.Ordinal));
    }
}
