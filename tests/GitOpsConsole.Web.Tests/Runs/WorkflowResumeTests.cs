using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Web.Runs;
using GitOpsConsole.Web.Sandbox;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Runs;

/// <summary>Runs outlive the console: interrupted runs resume without redoing their commits; cancels stop them.</summary>
public class WorkflowResumeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (string, string)[] Sandbox(int podStartupSeconds) =>
        [("GitOps:Sandbox:Enabled", "true"), ("GitOps:Sandbox:RegistryPort", "0"), ("GitOps:Sandbox:KubernetesPort", "0"), ("GitOps:Sandbox:PodStartupSeconds", $"{podStartupSeconds}")];

    [Fact]
    public async Task Restart_WhileWaitingForHealthy_ResumesWithoutASecondDeployCommitAndSucceeds()
    {
        var data = Path.Combine(Path.GetTempPath(), "gitops-web-tests", Guid.NewGuid().ToString("N"));
        string pushed;
        Guid runId;
        await using (var first = new ConsoleFactory(data, keepData: true, Sandbox(podStartupSeconds: 20)))
        {
            first.CreateClient().Dispose();
            var world = first.Services.GetRequiredService<SandboxRuntime>().World!;
            pushed = await world.CommitAsync(new ScenarioCommit("catalog", new ImageBehavior(ImageRuntime.Starts, TimeSpan.Zero), "Catalog 3", "Dev", "dev@example.test"), Ct);
            var runs = first.Services.GetRequiredService<RunQuery>();
            var waiting = await EventuallyAsync(async () =>
            {
                var run = (await runs.PageAsync(new RunFilter("catalog"), 0, 10, Ct)).Items.FirstOrDefault(r => r.Run.CommitSha == pushed);
                var detail = run is null ? null : await runs.GetAsync(run.Run.Id, Ct);
                return detail?.Run.Steps.LastOrDefault() is { Tool: "cluster.health", Status: StepStatus.Running } ? detail : null;
            }, TimeSpan.FromSeconds(60), "the run waiting for Healthy");
            runId = waiting.Run.Id;
        }

        await using var second = new ConsoleFactory(data, keepData: false, Sandbox(podStartupSeconds: 0));
        second.CreateClient().Dispose();
        var query = second.Services.GetRequiredService<RunQuery>();
        var finished = await EventuallyAsync(async () => await query.GetAsync(runId, Ct) is { Run.FinishedAt: not null } r ? r : null, TimeSpan.FromSeconds(90), "the resumed run to finish");

        Assert.True(finished.Run.Status == RunStatus.Succeeded, finished.Run.Reason);
        Assert.Equal(["ci.trigger_build", "ci.get_build", "values.set_image_tag", "operator.sync", "cluster.health"], finished.Run.Steps.Select(s => s.Tool));
        using var repository = new LibGit2Sharp.Repository(second.Services.GetRequiredService<SandboxRuntime>().World!.CloneUrl("catalog"));
        var deployCommits = repository.Commits.QueryBy(new LibGit2Sharp.CommitFilter { IncludeReachableFrom = "main" })
            .Count(c => c.Message.Contains($"GitOps-Run: {runId}", StringComparison.Ordinal));
        Assert.Equal(1, deployCommits);
        Assert.Equal(finished.Run.DeployCommitSha, repository.Branches["main"].Tip.Sha);
    }

    [Fact]
    public async Task Cancel_RunningRun_EndsCancelledWithWhoCancelledIt()
    {
        await using var factory = new ConsoleFactory(Sandbox(podStartupSeconds: 30));
        factory.CreateClient().Dispose();
        var world = factory.Services.GetRequiredService<SandboxRuntime>().World!;
        var pushed = await world.CommitAsync(new ScenarioCommit("storefront", new ImageBehavior(ImageRuntime.Starts, TimeSpan.Zero), "Storefront slow start", "Dev", "dev@example.test"), Ct);
        var runs = factory.Services.GetRequiredService<RunQuery>();
        // Cancel during the wait for Healthy (pods take 30 s to start): a cancel between two short steps leaves no step to end Cancelled.
        var running = await EventuallyAsync(async () =>
            (await runs.PageAsync(new RunFilter("storefront", Status: RunStatus.Running), 0, 10, Ct)).Items.FirstOrDefault(r => r.Run.CommitSha == pushed) is { } started
                && await runs.GetAsync(started.Run.Id, Ct) is { } detail && detail.Run.Steps.Any(s => s is { Tool: "cluster.health", Status: StepStatus.Running }) ? detail : null,
            TimeSpan.FromSeconds(60), "the run's wait for Healthy to start");

        Assert.True(await factory.Services.GetRequiredService<RunDispatcher>().CancelAsync(running.Run.Id, "alice", Ct));

        var cancelled = await EventuallyAsync(async () => await runs.GetAsync(running.Run.Id, Ct) is { Run.FinishedAt: not null } r ? r : null, TimeSpan.FromSeconds(30), "the cancel");
        Assert.Equal((RunStatus.Cancelled, "Cancelled by alice"), (cancelled.Run.Status, cancelled.Run.Reason));
        Assert.Contains(cancelled.Run.Steps, s => s.Status == StepStatus.Cancelled);
        Assert.False(await factory.Services.GetRequiredService<RunDispatcher>().CancelAsync(running.Run.Id, "alice", Ct));
    }
}
