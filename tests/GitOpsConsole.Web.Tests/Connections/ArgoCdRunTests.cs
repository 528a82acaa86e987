using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Integrations.Tests.ArgoCd;
using GitOpsConsole.Web.Tests.Host;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Connections;

/// <summary>
/// storefront with <c>Operator: ArgoCd</c> against a loopback Argo CD API server: the workflow commits to the
/// sandbox repository as usual, then syncs and reads health through Argo CD; its rollback is a Git revert.
/// </summary>
public sealed class ArgoCdRunTests : IAsyncLifetime
{
    private FakeArgoCd _argo = null!;

    public async ValueTask InitializeAsync() => _argo = await FakeArgoCd.StartAsync();

    public async ValueTask DisposeAsync() => await _argo.DisposeAsync();

    [Fact]
    public async Task ImageEvent_AutoSyncOff_SyncsTheDeployCommitThroughArgoCdAndSucceeds()
    {
        _argo.AutoSync = false;
        await using var factory = Console();
        using var client = factory.CreateClient();

        var run = await GitHubRunTests.RunOfEventAsync(factory, client, new { app = "storefront", kind = "image", image = "registry.example.test/storefront", tag = "2.1.0" });

        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);
        Assert.Equal(["values.set_image_tag", "operator.sync", "cluster.health"], run.Steps.Select(s => s.Tool));
        var sync = JsonNode.Parse(Assert.Single(_argo.Service.Matching("POST", "/api/v1/applications/storefront/sync")).Body)!;
        Assert.Equal(run.DeployCommitSha, (string?)sync["revision"]);
        Assert.Equal(run.DeployCommitSha, GitHubRunTests.Head(factory, "storefront"));
    }

    [Fact]
    public async Task ImageEvent_DegradedWithAutoSyncOn_RollsBackByGitRevertNotArgoCdRollback()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();
        var synced = new List<string>();
        _argo.BranchHead = () => GitHubRunTests.Head(factory, "storefront");
        _argo.OnSync = revision =>
        {
            synced.Add(revision);
            _argo.Health = synced.Count == 1 ? "Degraded" : "Healthy";
        };

        var run = await GitHubRunTests.RunOfEventAsync(factory, client, new { app = "storefront", kind = "image", image = "registry.example.test/storefront", tag = "6.6.6" });

        Assert.True(run.Status == RunStatus.RolledBack, run.Reason);
        Assert.Equal(["values.set_image_tag", "operator.sync", "cluster.health", "git.revert", "operator.sync", "cluster.health"], run.Steps.Select(s => s.Tool));
        Assert.Empty(_argo.Service.Matching("POST", "/api/v1/applications/storefront/rollback"));
        Assert.All(_argo.Service.Matching("POST", "/api/v1/applications/storefront/sync"), r => Assert.Null(JsonNode.Parse(r.Body)!["revision"]));
        Assert.Equal([run.DeployCommitSha!, run.RollbackCommitSha!], synced);
        Assert.Equal(run.RollbackCommitSha, GitHubRunTests.Head(factory, "storefront"));
    }

    private ConsoleFactory Console() => WithSandbox(
        ("GitOps:Auth:Mode", "LocalTrust"),
        ("GitOps:Applications:0:Operator", "ArgoCd"),
        ("GitOps:Applications:0:HealthTimeoutSeconds", "30"),
        ("GitOps:ArgoCd:ServerUrl", _argo.Service.BaseUri.AbsoluteUri),
        ("GitOps:ArgoCd:Token", FakeArgoCd.Token),
        ("GitOps:ArgoCd:PollInterval", "00:00:00.100"));
}
