using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Web.Sandbox;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Agent.AgentTestKit;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Agent;

/// <summary>An agent run outlives the console: it rebuilds its conversation from the trace and continues.</summary>
public class AgentResumeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (string, string)[] Settings(int podStartupSeconds) =>
        [("GitOps:Sandbox:Enabled", "true"), ("GitOps:Sandbox:RegistryPort", "0"), ("GitOps:Sandbox:KubernetesPort", "0"),
         ("GitOps:Sandbox:PodStartupSeconds", $"{podStartupSeconds}"), ("GitOps:Applications:1:Engine", "Agent")];

    [Fact]
    public async Task Restart_WhileTheAgentWaitsForHealthy_ResumesFromTheTraceWithOneDeployCommitAndSucceeds()
    {
        var data = Path.Combine(Path.GetTempPath(), "gitops-web-tests", Guid.NewGuid().ToString("N"));
        Guid runId;
        await using (var first = new ConsoleFactory(data, keepData: true, Settings(podStartupSeconds: 20)))
        {
            var services = Start(first);
            var pushed = await PushAsync(services, "catalog", message: "Catalog 3");
            var runs = services.GetRequiredService<RunQuery>();
            var waiting = await EventuallyAsync(async () =>
            {
                var run = (await runs.PageAsync(new RunFilter("catalog"), 0, 10, Ct)).Items.FirstOrDefault(r => r.Run.CommitSha == pushed);
                var detail = run is null ? null : await runs.GetAsync(run.Run.Id, Ct);
                return detail?.Run.Steps.LastOrDefault() is { Tool: "cluster.health", Status: StepStatus.Running } ? detail : null;
            }, TimeSpan.FromSeconds(60), "the agent waiting for Healthy");
            runId = waiting.Run.Id;
        }

        await using var second = new ConsoleFactory(data, keepData: false, Settings(podStartupSeconds: 0));
        var resumed = Start(second);
        var query = resumed.GetRequiredService<RunQuery>();
        var finished = await EventuallyAsync(async () => await query.GetAsync(runId, Ct) is { Run.FinishedAt: not null } r ? r : null, TimeSpan.FromSeconds(90), "the resumed run to finish");

        Assert.True(finished.Run.Status == RunStatus.Succeeded, finished.Run.Reason);
        Assert.Equal(["ci.trigger_build", "git.read_file", "values.set_image_tag", "operator.sync", "cluster.health", "operator.diff"], finished.Run.Steps.Select(s => s.Tool).Where(t => t != "ci.get_build"));
        var trace = await resumed.GetRequiredService<TraceStore>().EntriesAsync(runId, Ct);
        Assert.Equal(finished.Run.Steps.Count, trace.Count(t => t.Kind == TraceKind.ToolCall));
        Assert.Equal(finished.Run.Steps.Count, trace.Count(t => t.Kind == TraceKind.ToolResult));
        Assert.Single(trace, t => t.Kind == TraceKind.Observation);
        Assert.Equal("Succeeded", DecisionRecord.FromJson(finished.Run.DecisionJson)!.Outcome);
        using var repository = new LibGit2Sharp.Repository(resumed.GetRequiredService<SandboxRuntime>().World!.CloneUrl("catalog"));
        var deployCommits = repository.Commits.QueryBy(new LibGit2Sharp.CommitFilter { IncludeReachableFrom = "main" })
            .Count(c => c.Message.Contains($"GitOps-Run: {runId}", StringComparison.Ordinal));
        Assert.Equal(1, deployCommits);
        Assert.Equal(finished.Run.DeployCommitSha, repository.Branches["main"].Tip.Sha);
    }
}
