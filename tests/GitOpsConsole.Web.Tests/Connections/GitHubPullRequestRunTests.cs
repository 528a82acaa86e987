using GitOpsConsole.Core.Domain;
using GitOpsConsole.Integrations.Tests.GitHub;
using GitOpsConsole.Web.Tests.Host;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Connections;

/// <summary>
/// PR mode with the repository's pull requests on (loopback) GitHub: the run's branch is pushed, a pull request
/// opened with a body that says what changes and links the run, merged by auto-merge once its checks passed, and
/// the merge commit deployed. The fake merges for real in the sandbox's bare repository, as GitHub would.
/// </summary>
public sealed class GitHubPullRequestRunTests : IAsyncLifetime
{
    private const string ConsoleUrl = "https://gitops.example.test";
    private FakeGitHub _github = null!;

    public async ValueTask InitializeAsync() => _github = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _github.DisposeAsync();

    [Fact]
    public async Task ManualEvent_PullRequestWriteBackOnGitHub_OpensPullRequestAutoMergesAndDeploysTheMerge()
    {
        await using var factory = WithSandbox(
            ("GitOps:Auth:Mode", "LocalTrust"),
            ("GitOps:Applications:0:WriteBack", "PullRequest"),
            ("GitOps:Applications:0:GitHubRepository", "acme/storefront"),
            ("GitOps:GitHub:ApiUrl", _github.ApiUrl),
            ("GitOps:GitHub:Token", FakeGitHub.Token),
            ("GitOps:GitHub:ConsoleUrl", ConsoleUrl),
            ("GitOps:GitHub:PullRequests:AutoMerge", "true"),
            ("GitOps:GitHub:PullRequests:MergeMethod", "merge"),
            ("GitOps:GitHub:PullRequests:PollInterval", "00:00:00.200"));
        using var client = factory.CreateClient();
        var bare = Path.Combine(factory.DataDirectory, "sandbox", "git", "storefront.git");
        _github.HeadShaOf = branch =>
        {
            using var repository = new LibGit2Sharp.Repository(bare);
            return repository.Branches[branch].Tip.Sha;
        };
        _github.OnMerge = pull => MergeAsync(factory.DataDirectory, bare, pull);

        var run = await GitHubRunTests.RunOfEventAsync(factory, client, new { app = "storefront", kind = "manual", commit = GitHubRunTests.Head(factory, "storefront") });

        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);
        // Later runs (the merge is itself a push; the built image a release) may open pull requests of their own.
        var pull = Assert.Single(_github.Pulls, p => (string?)p["head"]!["ref"] == $"gitops/storefront/{run.Id:N}");
        Assert.Equal(($"gitops/storefront/{run.Id:N}", "main", true, "merge"),
            ((string?)pull["head"]!["ref"], (string?)pull["base"]!["ref"], (bool?)pull["merged"], (string?)pull["merge_method_used"]));
        Assert.StartsWith("deploy(storefront): ", (string?)pull["title"], StringComparison.Ordinal);
        Assert.Contains("Sets `image.tag` in `chart/values.yaml` to", (string?)pull["body"], StringComparison.Ordinal);
        Assert.Contains($"Run: {ConsoleUrl}/runs/{run.Id}", (string?)pull["body"], StringComparison.Ordinal);
        Assert.Equal((string?)pull["merge_commit_sha"], run.DeployCommitSha);
        Assert.Equal(run.DeployCommitSha, GitHubRunTests.Head(factory, "storefront"));
    }

    /// <summary>What GitHub's merge button does: a merge commit of the head into the base, pushed.</summary>
    private static async Task<string> MergeAsync(string data, string bare, System.Text.Json.Nodes.JsonObject pull)
    {
        var work = Path.Combine(data, "merge-" + Guid.NewGuid().ToString("N"));
        await GitAsync(data, "clone", "--quiet", bare, work);
        var head = (string)pull["head"]!["ref"]!;
        await GitAsync(work, "-c", "user.name=GitHub", "-c", "user.email=noreply@github.com", "merge", "--no-ff", $"origin/{head}",
            "-m", $"Merge pull request #{pull["number"]} from acme/{head}");
        await GitAsync(work, "push", "--quiet", "origin", "HEAD:main");
        return (await GitAsync(work, "rev-parse", "HEAD")).Trim();
    }
}
