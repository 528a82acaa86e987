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
    public void Parse_ReleasePublished_IsAnImageReleaseOfItsSourceRepositoryKeyedByTheRelease()
    {
        var incoming = Assert.Single(Parse("release", "release/published.payload.json").Events);

        Assert.Equal((TriggerKind.ImageRelease, "0.0.1", "https://github.com/Codertocat/Hello-World.git"), (incoming.Kind, incoming.Tag, incoming.Repository));
        Assert.Null(incoming.Image);
        Assert.Equal("release:17372790", incoming.DeliveryId);
        Assert.Null(incoming.IgnoreReason);
    }

    [Theory]
    [InlineData("prerelease", true, "published", "release 0.0.1 is a prerelease; only full releases deploy")]
    [InlineData("draft", true, "created", "release 0.0.1 is a draft")]
    [InlineData("draft", false, "edited", "release 0.0.1 edited; only a published release deploys")]
    public void Parse_PrereleaseDraftOrEdit_IsIgnoredWithTheReason(string flag, bool value, string action, string reason)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(SharedFixtures.Read("github-webhooks/release/published.payload.json"))!;
        json["release"]![flag] = value;
        json["action"] = action;

        var incoming = Assert.Single(GitHubWebhookParser.Parse("release", "delivery-2", System.Text.Encoding.UTF8.GetBytes(json.ToJsonString())).Events);

        Assert.Equal((reason, "delivery-2"), (incoming.IgnoreReason, incoming.DeliveryId));
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

    [Theory]
    [InlineData("completed", "completed", "success")]
    [InlineData("requested", "queued", null)]
    public void Parse_WorkflowRun_IsTheRunsProgressNotAnEvent(string fixture, string status, string? conclusion)
    {
        var result = Parse("workflow_run", $"workflow_run/{fixture}.payload.json");

        Assert.Equal(WebhookParseOutcome.CiProgress, result.Outcome);
        Assert.Empty(result.Events);
        Assert.Equal((289782451L, "octo-org/octo-repo", fixture, status, conclusion), (result.WorkflowRun!.RunId, result.WorkflowRun.Repository, result.WorkflowRun.Action, result.WorkflowRun.Status, result.WorkflowRun.Conclusion));
        Assert.Equal("https://github.com/octo-org/octo-repo/actions/runs/289782451", result.WorkflowRun.HtmlUrl);
    }

    [Theory]
    [InlineData("id", "workflow_run.id")]
    [InlineData("status", "workflow_run.status")]
    public void Parse_WorkflowRunWithoutAField_IsMalformedNamingIt(string field, string named)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(SharedFixtures.Read("github-webhooks/workflow_run/completed.payload.json"))!;
        json["workflow_run"]!.AsObject().Remove(field);

        var result = GitHubWebhookParser.Parse("workflow_run", "d", System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.Equal((WebhookParseOutcome.Malformed, $"a workflow_run needs '{named}'"), (result.Outcome, result.Message));
    }

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
