using GitOpsConsole.Web.Startup;
using Microsoft.Extensions.Configuration;

namespace GitOpsConsole.Web.Tests.Startup;

public class StartupGateTests
{
    private static StartupCheck Check(params (string Key, string Value)[] settings) =>
        StartupGate.Check(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            "/srv/console");

    [Fact]
    public void Check_Defaults_SucceedsWithDataUnderWorkingDirectory()
    {
        var check = Check();

        Assert.True(check.Succeeded);
        Assert.Equal("/srv/console/data", check.DataDirectory);
    }

    [Fact]
    public void Check_UnknownAuthMode_NamesTheKeyAndValue()
    {
        var check = Check(("GitOps:Auth:Mode", "Magic"));

        var error = Assert.Single(check.Errors);
        Assert.Contains("GitOps:Auth:Mode", error, StringComparison.Ordinal);
        Assert.Contains("Magic", error, StringComparison.Ordinal);
        Assert.StartsWith("GitOps Console cannot start", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NumberThatIsNotANumber_NamesTheKey()
    {
        var check = Check(("GitOps:Sandbox:PodStartupSeconds", "soon"));

        Assert.Contains("GitOps:Sandbox:PodStartupSeconds", Assert.Single(check.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:80")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://127.0.0.1:5080;http://0.0.0.0:5081")]
    public void Check_LocalTrustOnNonLoopbackBinding_Refused(string urls)
    {
        var check = Check(("GitOps:Auth:Mode", "LocalTrust"), ("urls", urls));

        var error = Assert.Single(check.Errors);
        Assert.StartsWith("GitOps:Auth:Mode: LocalTrust turns sign-in off", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LocalTrustOnKestrelEndpointElsewhere_Refused()
    {
        var check = Check(("GitOps:Auth:Mode", "LocalTrust"), ("Kestrel:Endpoints:Public:Url", "https://10.0.0.5:443"));

        Assert.Contains("https://10.0.0.5:443", Assert.Single(check.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://127.0.0.1:0;http://[::1]:0")]
    public void Check_LocalTrustOnLoopback_Allowed(string urls) =>
        Assert.True(Check(("GitOps:Auth:Mode", "LocalTrust"), ("urls", urls)).Succeeded);

    [Fact]
    public void Check_PasswordModeOnAllInterfaces_Allowed() =>
        Assert.True(Check(("urls", "http://0.0.0.0:5080")).Succeeded);

    [Fact]
    public void Check_ArgoCdApplicationWithoutToken_NamesTheVariableAndTheApplication()
    {
        var check = Check(
            ("GitOps:Applications:0:Name", "shop"), ("GitOps:Applications:0:Environment", "dev"),
            ("GitOps:Applications:0:Repository", "https://github.com/acme/shop.git"), ("GitOps:Applications:0:Operator", "ArgoCd"),
            ("GitOps:Applications:0:CommitStatus", "None"),
            ("GitOps:ArgoCd:ServerUrl", "https://argocd.example.test/"), ("GitOps:ArgoCd:TokenEnvironmentVariable", "GITOPS_TEST_UNSET_ARGOCD_TOKEN"));

        var error = Assert.Single(check.Errors);
        Assert.StartsWith("GitOps:ArgoCd:TokenEnvironmentVariable: the environment variable GITOPS_TEST_UNSET_ARGOCD_TOKEN is not set", error, StringComparison.Ordinal);
        Assert.Contains("needed by shop", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GitHubActionsWithTokenInUserSecrets_Succeeds()
    {
        var check = Check(
            ("GitOps:Applications:0:Name", "shop"), ("GitOps:Applications:0:Environment", "dev"),
            ("GitOps:Applications:0:Repository", "https://github.com/acme/shop.git"), ("GitOps:Applications:0:Ci:Provider", "GitHubActions"),
            ("GitOps:GitHub:TokenEnvironmentVariable", "GITOPS_TEST_UNSET_GITHUB_TOKEN"), ("GitOps:GitHub:Token", "ghp_fromUserSecrets0123456789"));

        Assert.True(check.Succeeded, string.Join("\n", check.Errors));
    }
}
