using System.Text.Json;
using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Integrations.Tests.GitHub;
using GitOpsConsole.Web.Sandbox;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Agent.AgentTestKit;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Agent;

/// <summary><c>git_open_pull_request</c> for an application on (loopback) GitHub: one pull request from the agent's branch, found again when asked twice.</summary>
public sealed class PullRequestToolTests : IAsyncLifetime
{
    private const string Branch = "agent/raise-replicas";
    private FakeGitHub _github = null!;

    public async ValueTask InitializeAsync() => _github = await FakeGitHub.StartAsync();

    public async ValueTask DisposeAsync() => await _github.DisposeAsync();

    [Fact]
    public async Task Run_OpenPullRequestTwice_OpensOneOnGitHubLinkingTheRun()
    {
        var model = new ScriptedModel(
            ScriptedModel.Call("c1", "git_open_pull_request", ("branch", Branch), ("title", "Raise replicas"), ("description", "Three replicas for the sale.")),
            ScriptedModel.Call("c2", "git_open_pull_request", ("branch", Branch), ("title", "Raise replicas"), ("description", "Three replicas for the sale.")),
            ScriptedModel.Call("c3", "git_open_pull_request", ("branch", "main"), ("title", "Nothing"), ("description", "From main itself.")));
        await using var console = WithSandbox(("GitOps:Applications:0:Engine", "Agent"), ("GitOps:Applications:0:GitHubRepository", "acme/storefront"),
            ("GitOps:GitHub:ApiUrl", _github.ApiUrl), ("GitOps:GitHub:Token", FakeGitHub.Token), ("GitOps:GitHub:ConsoleUrl", "https://gitops.example.test"));
        await using var factory = console.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new AgentModel(model, "Scripted", "scripted-model"))));
        var services = Start(factory);
        var bare = services.GetRequiredService<SandboxRuntime>().World!.CloneUrl("storefront");
        using (var repository = new LibGit2Sharp.Repository(bare))
        {
            repository.Branches.Add(Branch, repository.Branches["main"].Tip);
        }

        _github.HeadShaOf = branch =>
        {
            using var repository = new LibGit2Sharp.Repository(bare);
            return repository.Branches[branch].Tip.Sha;
        };

        var pushed = await PushAsync(services, "storefront");

        var run = await FinishedRunAsync(services, pushed);
        var seen = model.ResultsSeen.ToList();
        var pull = Assert.Single(_github.Pulls, p => (string?)p["head"]!["ref"] == Branch);
        Assert.Equal(("Raise replicas", "main"), ((string?)pull["title"], (string?)pull["base"]!["ref"]));
        Assert.Contains($"Run: https://gitops.example.test/runs/{run.Run.Id}", (string?)pull["body"], StringComparison.Ordinal);
        using var first = JsonDocument.Parse(seen[0]);
        using var second = JsonDocument.Parse(seen[1]);
        Assert.True(first.RootElement.GetProperty("created").GetBoolean());
        Assert.False(second.RootElement.GetProperty("created").GetBoolean());
        Assert.Equal(first.RootElement.GetProperty("number").GetInt32(), second.RootElement.GetProperty("number").GetInt32());
        Assert.Contains("cannot come from main itself", ToolError.Of(JsonDocument.Parse(seen[2]).RootElement), StringComparison.Ordinal);
        Assert.Equal([StepStatus.Succeeded, StepStatus.Succeeded, StepStatus.Failed], run.Run.Steps.Select(s => s.Status));
    }
}
