using System.Net;
using System.Text;
using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Web.Operator;
using GitOpsConsole.Web.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Runs;

/// <summary>A pull request is built, rendered and diffed against the cluster, and gets a commit status — nothing is deployed.</summary>
public class PullRequestCheckTests
{
    private const string Secret = "pr-secret";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GitHubPullRequest_ChartChangeOnABranch_BuildsDiffsAndMarksTheHeadSuccessWithoutDeploying()
    {
        await using var factory = WithSandbox(("GitOps:Webhooks:GitHubSecret", Secret));
        using var client = factory.CreateClient();
        var work = Path.Combine(factory.DataDirectory, "work");
        await GitAsync(factory.DataDirectory, "clone", Path.Combine(factory.DataDirectory, "sandbox", "git", "storefront.git"), work);
        await GitAsync(work, "checkout", "-b", "scale-out");
        var values = Path.Combine(work, "chart", "values.yaml");
        var yaml = await File.ReadAllTextAsync(values, Ct);
        await File.WriteAllTextAsync(values, System.Text.RegularExpressions.Regex.Replace(yaml, "(?m)^replicaCount: \\d+", "replicaCount: 5"), Ct);
        await GitAsync(work, "-c", "user.name=Dev", "-c", "user.email=dev@example.test", "commit", "-am", "Scale out to 5");
        var head = (await GitAsync(work, "rev-parse", "HEAD")).Trim();
        await GitAsync(work, "push", "origin", "scale-out");
        var mainBefore = (await GitAsync(work, "rev-parse", "origin/main")).Trim();

        // The check diffs the branch against the live cluster: wait until the console's start-up sync has put main there.
        var statuses = factory.Services.GetRequiredService<ApplicationStatusFeed>();
        await EventuallyAsync(() => Task.FromResult(statuses.Latest.GetValueOrDefault("storefront") is { Sync: SyncStatus.Synced } synced ? synced : null),
            TimeSpan.FromSeconds(90), "storefront Synced after start");
        using var response = await client.SendAsync(PullRequestDelivery(head), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runs = factory.Services.GetRequiredService<RunQuery>();
        var run = await EventuallyAsync(async () =>
        {
            var found = (await runs.PageAsync(new RunFilter("storefront"), 0, 10, Ct)).Items.FirstOrDefault(r => r.Run.CommitSha == head && r.Run.FinishedAt is not null);
            return found is null ? null : await runs.GetAsync(found.Run.Id, Ct);
        }, TimeSpan.FromSeconds(60), "the pull-request check");

        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.Equal(["commit.set_status", "ci.trigger_build", "ci.get_build", "operator.diff", "commit.set_status"], run.Run.Steps.Select(s => s.Tool));
        Assert.Matches("Deployment/storefront: Modified spec.replicas \\d+ → 5", run.Run.Steps[3].Log);
        var commitStatuses = factory.Services.GetRequiredService<SandboxRuntime>().World!.Statuses.List("storefront", head);
        Assert.Equal(["pending", "success"], commitStatuses.Select(s => s.State));
        Assert.Equal("gitops-console/storefront", commitStatuses[^1].Context);
        await GitAsync(work, "fetch", "origin");
        Assert.Equal(mainBefore, (await GitAsync(work, "rev-parse", "origin/main")).Trim());
        Assert.Equal(0, run.Run.CommitsMade);
    }

    private static HttpRequestMessage PullRequestDelivery(string head)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            action = "opened",
            number = 7,
            pull_request = new { title = "Scale out to 5", head = new { @ref = "scale-out", sha = head }, user = new { login = "dev" } },
            repository = new { clone_url = "sandbox:storefront" },
        }));
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-GitHub-Event", "pull_request");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(Secret, body));
        return request;
    }
}
