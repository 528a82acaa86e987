using GitOpsConsole.Core.Configuration;

namespace GitOpsConsole.Core.Tests.Configuration;

public class GitOpsOptionsValidatorTests
{
    private static GitOpsOptions Valid() => new()
    {
        Applications =
        [
            new ApplicationOptions { Name = "storefront", Environment = "dev", Repository = "sandbox:storefront", Path = "chart" },
            new ApplicationOptions { Name = "payments", Environment = "prod", Repository = "https://github.com/acme/payments.git" },
        ],
    };

    [Fact]
    public void Validate_DefaultsAndTwoApplications_HasNoErrors() =>
        Assert.Empty(GitOpsOptionsValidator.Validate(Valid()));

    [Fact]
    public void Validate_ApplicationNameNotDnsLabel_NamesTheKey()
    {
        var options = Valid();
        options.Applications[1].Name = "Pay Ments";

        var error = Assert.Single(GitOpsOptionsValidator.Validate(options));

        Assert.StartsWith("GitOps:Applications:1:Name:", error, StringComparison.Ordinal);
        Assert.Contains("'Pay Ments'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateApplicationName_ReportsTheSecond()
    {
        var options = Valid();
        options.Applications[1].Name = "storefront";

        var error = Assert.Single(GitOpsOptionsValidator.Validate(options));

        Assert.Equal("GitOps:Applications:1:Name: 'storefront' is declared twice.", error);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/etc")]
    public void Validate_PathLeavingRepository_IsRefused(string path)
    {
        var options = Valid();
        options.Applications[0].Path = path;

        var error = Assert.Single(GitOpsOptionsValidator.Validate(options));

        Assert.StartsWith("GitOps:Applications:0:Path:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsEachWithItsKey()
    {
        var options = Valid();
        options.DataDirectory = " ";
        options.Auth.MaxFailedSignIns = 0;
        options.Sandbox.PodStartupSeconds = -1;
        options.Agent.Provider = "Skynet";
        options.Applications[0].Environment = "";

        var errors = GitOpsOptionsValidator.Validate(options);

        Assert.Collection(
            errors,
            e => Assert.StartsWith("GitOps:DataDirectory:", e, StringComparison.Ordinal),
            e => Assert.StartsWith("GitOps:Auth:MaxFailedSignIns:", e, StringComparison.Ordinal),
            e => Assert.StartsWith("GitOps:Sandbox:PodStartupSeconds:", e, StringComparison.Ordinal),
            e => Assert.StartsWith("GitOps:Agent:Provider: 'Skynet' is not one of", e, StringComparison.Ordinal),
            e => Assert.StartsWith("GitOps:Applications:0:Environment:", e, StringComparison.Ordinal));
    }

    [Fact]
    public void ResolveDataDirectory_Relative_IsUnderWorkingDirectory() =>
        Assert.Equal(Path.Combine("/srv/console", "data"), new GitOpsOptions().ResolveDataDirectory("/srv/console"));
}
