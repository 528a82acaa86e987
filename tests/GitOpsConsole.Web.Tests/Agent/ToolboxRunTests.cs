using System.Text;
using System.Text.Json;
using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Web.Sandbox;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Agent.AgentTestKit;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Agent;

/// <summary>A scripted model calls the rest of the toolbox against the real sandbox: the changes land in Git, the reads come from the cluster.</summary>
public class ToolboxRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_ValuesSetBumpAndStatus_CommitEachChangeAndTheReplicaLimitStopsTheRun()
    {
        var model = new ScriptedModel(
            ScriptedModel.Call("c1", "policy_check", ("action", "values_set"), ("replicas", 50)),
            ScriptedModel.Call("c2", "values_set", ("file", "values.yaml"), ("yamlPath", "replicaCount"), ("value", "3")),
            ScriptedModel.Call("c3", "chart_bump_version", ("part", "minor")),
            ScriptedModel.Call("c4", "values_set", ("file", "values.yaml"), ("yamlPath", "no.such.key"), ("value", "1")),
            ScriptedModel.Call("c5", "values_set", ("file", "values.yaml"), ("yamlPath", "autoscaling.maxReplicas"), ("value", "50")));
        await using var console = WithSandbox(("GitOps:Applications:0:Engine", "Agent"), ("GitOps:Agent:Policies:dev:MaxReplicas", "10"));
        await using var factory = console.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new AgentModel(model, "Scripted", "scripted-model"))));
        var services = Start(factory);

        var pushed = await PushAsync(services, "storefront");

        var run = await FinishedRunAsync(services, pushed);
        var seen = model.ResultsSeen.ToList();
        Assert.Equal(RunStatus.Escalated, run.Run.Status);
        Assert.Equal("50 replicas is more than the 10 allowed in dev", run.Run.Reason);
        Assert.Equal(["policy.check", "values.set", "chart.bump_version", "values.set", "values.set"], run.Run.Steps.Select(s => s.Tool));
        Assert.Equal([StepStatus.Succeeded, StepStatus.Succeeded, StepStatus.Succeeded, StepStatus.Failed, StepStatus.Skipped], run.Run.Steps.Select(s => s.Status));
        Assert.Equal(("Deny", "50 replicas is more than the 10 allowed in dev"), Verdict(seen[0]));
        Assert.Contains("no.such", ToolError.Of(JsonDocument.Parse(seen[3]).RootElement), StringComparison.Ordinal);
        Assert.Equal("refused by policy: 50 replicas is more than the 10 allowed in dev", ToolError.Of(JsonDocument.Parse(run.Run.Steps[4].OutputJson!).RootElement));
        var values = File(services, "storefront", "chart/values.yaml");
        Assert.Contains("\nreplicaCount: 3\n", values, StringComparison.Ordinal);
        Assert.Contains("# Deployments change this tag; the CI runner publishes one image per commit.", values, StringComparison.Ordinal);
        Assert.Contains("\nversion: 0.2.0\n", File(services, "storefront", "chart/Chart.yaml"), StringComparison.Ordinal);
        Assert.Equal(pushed, Parents(services, "storefront", 2));
    }

    [Fact]
    public async Task Run_EventsLogsAndCommitStatus_ReadTheClusterAndSetTheCheck()
    {
        var model = new ScriptedModel(
            ScriptedModel.Call("c1", "cluster_health"),
            ScriptedModel.Call("c2", "cluster_events"),
            ScriptedModel.Call("c3", "cluster_logs", ("tailLines", 5)),
            ScriptedModel.Call("c4", "cluster_logs", ("pod", "no-such-pod")),
            ScriptedModel.Call("c5", "git_open_pull_request", ("branch", "fix"), ("title", "Fix"), ("description", "Fixes it")));
        await using var console = WithSandbox(("GitOps:Applications:0:Engine", "Agent"));
        await using var factory = console.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new AgentModel(model, "Scripted", "scripted-model"))));
        var services = Start(factory);

        var deployed = Tip(services, "storefront");
        model.Then(ScriptedModel.Call("c6", "commit_set_status", ("commit", deployed), ("state", "success"), ("description", "Checked by the agent")));

        var pushed = await PushAsync(services, "storefront");

        var run = await FinishedRunAsync(services, pushed);
        var seen = model.ResultsSeen.ToList();
        using var events = JsonDocument.Parse(seen[1]);
        Assert.Contains(events.RootElement.EnumerateArray(), e => e.GetProperty("reason").GetString() == "Started" && e.GetProperty("involved").GetString()!.StartsWith("Pod/", StringComparison.Ordinal));
        using var logs = JsonDocument.Parse(seen[2]);
        var lines = logs.RootElement.GetProperty("containers")[0].GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Contains(lines, l => l.EndsWith("ready: startup finished, serving", StringComparison.Ordinal));
        Assert.Contains("No pod 'no-such-pod' in storefront's namespace", ToolError.Of(JsonDocument.Parse(seen[3]).RootElement), StringComparison.Ordinal);
        Assert.Contains("PR mode needs a GitHub repository", ToolError.Of(JsonDocument.Parse(seen[4]).RootElement), StringComparison.Ordinal);
        var statuses = services.GetRequiredService<SandboxRuntime>().World!.Statuses.List("storefront", deployed);
        var agentStatus = Assert.Single(statuses, s => s.Context == "gitops-console/agent/storefront");
        Assert.Equal(("success", "Checked by the agent"), (agentStatus.State, agentStatus.Description));
        Assert.Equal([StepStatus.Succeeded, StepStatus.Succeeded, StepStatus.Succeeded, StepStatus.Failed, StepStatus.Failed, StepStatus.Succeeded], run.Run.Steps.Select(s => s.Status));
        Assert.Equal(pushed, Tip(services, "storefront"));
    }

    [Fact]
    public async Task Run_SetStatusWhereTheHostKeepsNone_AnswersAnErrorInsteadOfPretending()
    {
        var model = new ScriptedModel();
        await using var console = WithSandbox(("GitOps:Applications:0:Engine", "Agent"), ("GitOps:Applications:0:CommitStatus", "None"));
        await using var factory = console.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new AgentModel(model, "Scripted", "scripted-model"))));
        var services = Start(factory);
        var deployed = Tip(services, "storefront");
        model.Then(ScriptedModel.Call("c1", "commit_set_status", ("commit", deployed), ("state", "failure"), ("description", "Broken")));

        var pushed = await PushAsync(services, "storefront");

        var run = await FinishedRunAsync(services, pushed);
        Assert.Equal(StepStatus.Failed, Assert.Single(run.Run.Steps).Status);
        Assert.Contains("storefront's Git host keeps no commit statuses", ToolError.Of(JsonDocument.Parse(model.ResultsSeen.Single()).RootElement), StringComparison.Ordinal);
        Assert.Empty(services.GetRequiredService<SandboxRuntime>().World!.Statuses.List("storefront", deployed));
    }

    private static (string?, string?) Verdict(string result)
    {
        using var json = JsonDocument.Parse(result);
        return (json.RootElement.GetProperty("decision").GetString(), json.RootElement.GetProperty("reason").GetString());
    }

    private static string File(IServiceProvider services, string app, string path)
    {
        using var repository = new LibGit2Sharp.Repository(services.GetRequiredService<SandboxRuntime>().World!.CloneUrl(app));
        var blob = (LibGit2Sharp.Blob)repository.Branches["main"].Tip[path].Target;
        return blob.GetContentText(Encoding.UTF8);
    }

    /// <summary>The commit <paramref name="generations"/> first-parents below the branch tip.</summary>
    private static string Parents(IServiceProvider services, string app, int generations)
    {
        using var repository = new LibGit2Sharp.Repository(services.GetRequiredService<SandboxRuntime>().World!.CloneUrl(app));
        var commit = repository.Branches["main"].Tip;
        for (var i = 0; i < generations; i++)
        {
            commit = commit.Parents.First();
        }

        return commit.Sha;
    }
}
