using GitOpsConsole.Helm.Functions;
using GitOpsConsole.Helm.Templates;
using GitOpsConsole.Helm.Tests.Templates;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Helm.Tests.Functions;

public sealed class SemverAndDateTests
{
    [Theory]
    [InlineData(">=1.19-0", "v1.20.0", true)]
    [InlineData(">=1.21-0", "v1.20.0", false)]
    [InlineData(">=1.19.0", "1.20.0-gke.1", false)]
    [InlineData(">=1.19.0-0", "1.20.0-gke.1", true)]
    [InlineData("~1.2.3", "1.2.9", true)]
    [InlineData("~1.2.3", "1.3.0", false)]
    [InlineData("^1.2.3", "1.9.0", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("1.2.x", "1.2.7", true)]
    [InlineData(">1.0 <2.0", "1.5.0", true)]
    [InlineData(">=1.0, <1.4", "1.4.0", false)]
    [InlineData("<1.0 || >=3.0", "3.1.0", true)]
    [InlineData("1.0 - 2.0", "2.0.0", true)]
    [InlineData("!=1.2.3", "1.2.3", false)]
    public void Satisfies_Constraint_MatchesMastermindsSemver(string constraint, string version, bool expected)
    {
        Assert.Equal(expected, SemverConstraint.Satisfies(constraint, SemanticVersion.Parse(version)));
    }

    [Fact]
    public void Execute_Semver_ExposesParts()
    {
        Assert.Equal("1 2 3 rc.1", TemplateHarness.Render("{{ $v := semver \"v1.2.3-rc.1\" }}{{ $v.Major }} {{ $v.Minor }} {{ $v.Patch }} {{ $v.Prerelease }}"));
    }

    [Fact]
    public void Execute_InvalidSemver_Fails()
    {
        Assert.Throws<TemplateExecException>(() => TemplateHarness.Render("{{ semverCompare \">1\" \"not-a-version\" }}"));
    }

    [Fact]
    public void Execute_NowAndDate_UseTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 5, 14, 7, 9, TimeSpan.Zero));
        var set = new TemplateSet(HelmFunctionMap.Instance);
        set.Parse("t", "{{ now | date \"2006-01-02T15:04:05Z07:00\" }} {{ now | htmlDate }} {{ date \"Jan 2, 2006\" now }}");

        var output = new Executor(set, new ExecutionShared(new RenderServices(clock)), "t").Execute("t", null);

        Assert.Equal("2024-03-05T14:07:09Z 2024-03-05 Mar 5, 2024", output);
    }
}
