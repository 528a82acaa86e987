using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;

namespace GitOpsConsole.Core.Tests.Ingestion;

public class EventMatcherTests
{
    private static readonly Application[] Apps =
    [
        new() { Name = "storefront", Environment = "dev", RepositoryUrl = "sandbox:storefront", Namespace = "storefront", ImageRepository = "sandbox:storefront" },
        new() { Name = "web", Environment = "prod", RepositoryUrl = "https://github.com/Acme/Web.git", Branch = "release", Namespace = "web", ImageRepository = "ghcr.io/acme/web" },
        new() { Name = "web-dev", Environment = "dev", RepositoryUrl = "git@github.com:acme/web", Branch = "main", Namespace = "web-dev" },
    ];

    [Theory]
    [InlineData("https://github.com/acme/web", "refs/heads/main", "web-dev")]
    [InlineData("https://GitHub.com/Acme/Web.git/", "refs/heads/release", "web")]
    [InlineData("sandbox:storefront", "refs/heads/main", "storefront")]
    public void Match_PushToDeployedBranch_AcceptsThatApplication(string repository, string reference, string expected)
    {
        var decision = Assert.Single(EventMatcher.Match(new IncomingEvent(TriggerKind.Push, "t", "d", repository, reference), Apps));

        Assert.Equal(EventDecision.Accepted, decision.Decision);
        Assert.Equal(expected, decision.Application);
    }

    [Fact]
    public void Match_ReleaseOfASourceRepository_AcceptsEveryApplicationBuiltFromItWhateverItsBranch()
    {
        var release = new IncomingEvent(TriggerKind.ImageRelease, "github", "release:1", "https://github.com/acme/web.git", "refs/heads/main", Tag: "v2.0.0");

        var decisions = EventMatcher.Match(release, Apps);

        Assert.Equal(["web", "web-dev"], decisions.Select(d => d.Application).Order(StringComparer.Ordinal));
        Assert.All(decisions, d => Assert.Equal(EventDecision.Accepted, d.Decision));
    }

    [Fact]
    public void Match_ReleaseOfAnotherRepository_IgnoredWithReason()
    {
        var decision = Assert.Single(EventMatcher.Match(new IncomingEvent(TriggerKind.ImageRelease, "github", "release:2", "https://github.com/other/thing.git", Tag: "1.0.0"), Apps));

        Assert.Equal((EventDecision.Ignored, "no application is built from https://github.com/other/thing.git"), (decision.Decision, decision.Reason));
    }

    [Fact]
    public void Match_PushToOtherBranch_IgnoredNamingTheFollowedBranches()
    {
        var decision = Assert.Single(EventMatcher.Match(new IncomingEvent(TriggerKind.Push, "t", "d", "https://github.com/acme/web", "refs/heads/feature"), Apps));

        Assert.Equal(EventDecision.Ignored, decision.Decision);
        Assert.Contains("web follows release", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_UnknownRepository_IgnoredWithReason()
    {
        var decision = Assert.Single(EventMatcher.Match(new IncomingEvent(TriggerKind.Push, "t", "d", "https://github.com/other/thing", "refs/heads/main"), Apps));

        Assert.Equal("no application deploys from https://github.com/other/thing", decision.Reason);
    }

    [Fact]
    public void Match_SandboxImage_MatchesByName()
    {
        var decision = Assert.Single(EventMatcher.Match(new IncomingEvent(TriggerKind.ImageRelease, "t", "d", Image: "127.0.0.1:5081/storefront", Tag: "abc1234"), Apps));

        Assert.Equal("storefront", decision.Application);
    }

    [Fact]
    public void Match_InjectedTag_IsRefused()
    {
        var decision = Assert.Single(EventMatcher.Match(new IncomingEvent(TriggerKind.ImageRelease, "t", "d", Image: "ghcr.io/acme/web", Tag: "1.0\nimage: evil"), Apps));

        Assert.Equal(EventDecision.Ignored, decision.Decision);
        Assert.Contains("not a valid OCI tag", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_ManualForUnknownApp_Ignored() =>
        Assert.Equal("no application named 'nope'", Assert.Single(EventMatcher.Match(new IncomingEvent(TriggerKind.Manual, "api", "d", Application: "nope"), Apps)).Reason);
}
