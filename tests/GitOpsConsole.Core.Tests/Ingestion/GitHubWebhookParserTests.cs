using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;

namespace GitOpsConsole.Core.Tests.Ingestion;

public class GitHubWebhookParserTests
{
    private static WebhookParseResult Parse(string eventName, string fixture) =>
        GitHubWebhookParser.Parse(eventName, "delivery-1", SharedFixtures.Bytes($"github-webhooks/{fixture}"));

    [Fact]
    public void Parse_PushToBranch_ReadsRefCommitAuthorAndMessage()
    {
        var result = Parse("push", "push/with-new-branch.payload.json");

        var incoming = Assert.Single(result.Events);
        Assert.Equal(TriggerKind.Push, incoming.Kind);
        Assert.Equal("refs/heads/master", incoming.Ref);
        Assert.Equal("6113728f27ae82c7b1a177c8d03f9e96e0adf246", incoming.CommitSha);
        Assert.Equal("Codertocat", incoming.Author);
        Assert.Equal("Initial commit", incoming.Message);
        Assert.Equal("https://github.com/Codertocat/Hello-World.git", incoming.Repository);
        Assert.Equal("delivery-1", incoming.DeliveryId);
        Assert.Null(incoming.IgnoreReason);
    }

    [Fact]
    public void Parse_DeletedTag_IsIgnoredWithReason()
    {
        var incoming = Assert.Single(Parse("push", "push/1.payload.json").Events);

        Assert.Null(incoming.CommitSha);
        Assert.Equal("refs/tags/simple-tag was deleted", incoming.IgnoreReason);
    }

    [Theory]
    [InlineData("pull_request/opened.payload.json", null)]
    [InlineData("pull_request/synchronize.payload.json", null)]
    [InlineData("pull_request/closed.payload.json", "pull request closed")]
    public void Parse_PullRequest_HeadBranchAndShaAndDecision(string fixture, string? ignoreReason)
    {
        var incoming = Assert.Single(Parse("pull_request", fixture).Events);

        Assert.Equal(TriggerKind.PullRequest, incoming.Kind);
        Assert.Equal("refs/heads/changes", incoming.Ref);
        Assert.Equal(40, incoming.CommitSha!.Length);
        Assert.StartsWith("#2 ", incoming.Message, StringComparison.Ordinal);
        Assert.Equal(ignoreReason, incoming.IgnoreReason);
    }

    [Fact]
    public void Parse_ReleasePublished_IsAPushOfItsBranchWithTheTag()
    {
        var incoming = Assert.Single(Parse("release", "release/published.payload.json").Events);

        Assert.Equal("refs/heads/master", incoming.Ref);
        Assert.Equal("0.0.1", incoming.Tag);
        Assert.Null(incoming.IgnoreReason);
    }

    [Theory]
    [InlineData("registry_package", "registry_package/published.docker.payload.json")]
    [InlineData("package", "package/published.docker.payload.json")]
    public void Parse_ContainerPackagePublished_IsAnImageRelease(string eventName, string fixture)
    {
        var incoming = Assert.Single(Parse(eventName, fixture).Events);

        Assert.Equal(TriggerKind.ImageRelease, incoming.Kind);
        Assert.Equal("ghcr.io/codertocat/hello-world", incoming.Image);
        Assert.StartsWith("sha256:", incoming.Digest, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Ping_IsAnsweredNotRecorded()
    {
        var result = Parse("ping", "ping/payload.json");

        Assert.Equal(WebhookParseOutcome.Ping, result.Outcome);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Parse_WorkflowRun_IsUnsupported() =>
        Assert.Equal(WebhookParseOutcome.Unsupported, Parse("workflow_run", "workflow_run/completed.payload.json").Outcome);

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"zen\":\"no ref\"}")]
    public void Parse_BrokenPushBody_IsMalformedWithAReason(string body)
    {
        var result = GitHubWebhookParser.Parse("push", "d", System.Text.Encoding.UTF8.GetBytes(body));

        Assert.Equal(WebhookParseOutcome.Malformed, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Fact]
    public void Parse_MissingDeliveryHeader_IsMalformed() =>
        Assert.Equal("the X-GitHub-Delivery header is missing", GitHubWebhookParser.Parse("push", null, "{}"u8).Message);
}
