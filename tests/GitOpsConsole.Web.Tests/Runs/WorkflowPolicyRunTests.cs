using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Web.Tests.Agent;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Agent.AgentTestKit;
using static GitOpsConsole.Web.Tests.Agent.QuestionTestKit;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Runs;

/// <summary>
/// The workflow engine checks its changes against the same policy as the agent: inside a freeze window (ask mode)
/// seeded storefront's pipeline asks before the build, the tag commit and the sync; a rejection changes nothing.
/// </summary>
public class WorkflowPolicyRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Push_WorkflowInsideAFreezeWindow_AsksBeforeEachChangeAndSucceedsWhenApproved()
    {
        await using var factory = WithSandbox(PolicyRunTests.FreezeAllDay("Ask"));
        var services = Start(factory);
        using var client = await ApiClients.WithTokenAsync(factory, UserRole.Operator);

        var pushed = await PushAsync(services, "storefront", message: "Storefront during the freeze");
        var first = await OpenQuestionAsync(services, pushed);
        var answered = await ApproveUntilDoneAsync(services, client, pushed);

        var run = await FinishedRunAsync(services, pushed);
        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.Equal(DeploymentEngine.Workflow, run.Run.Engine);
        Assert.True(first.IsApproval);
        Assert.StartsWith("Approve ci.trigger_build: Build storefront@", first.Text, StringComparison.Ordinal);
        Assert.Contains("in the freeze window 'code freeze' until ", first.Text, StringComparison.Ordinal);
        Assert.Equal((3, 3), (answered, run.Run.QuestionsAsked));
        Assert.Equal(["ci.trigger_build", "ci.get_build", "values.set_image_tag", "operator.sync", "cluster.health"], run.Run.Steps.Select(s => s.Tool));
        Assert.All(run.Run.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.Equal(run.Run.DeployCommitSha, Tip(services, "storefront"));
    }

    [Fact]
    public async Task Push_WorkflowInsideAFreezeWindowRejected_FailsBeforeTheBuildAndChangesNothing()
    {
        await using var factory = WithSandbox(PolicyRunTests.FreezeAllDay("Ask"));
        var services = Start(factory);

        var pushed = await PushAsync(services, "storefront", message: "Storefront during the freeze");
        var question = await OpenQuestionAsync(services, pushed);
        await services.GetRequiredService<IQuestionService>().AnswerAsync(question.Id, "reject", "alice", Ct);

        var run = await FinishedRunAsync(services, pushed);
        Assert.Equal(RunStatus.Failed, run.Run.Status);
        Assert.StartsWith("Not approved: rejected by alice: ci.trigger_build", run.Run.Reason, StringComparison.Ordinal);
        var step = Assert.Single(run.Run.Steps);
        Assert.Equal(("ci.trigger_build", StepStatus.Pending), (step.Tool, step.Status));
        Assert.Equal(pushed, Tip(services, "storefront"));
    }

    [Fact]
    public async Task Push_WorkflowInsideAFreezeWindowInDeferMode_WaitsWithoutBuildingThenDeploysWhenItEnds()
    {
        await using var factory = WithSandbox(PolicyRunTests.DeferUntilTheNextMinute());
        var services = Start(factory);

        var pushed = await PushAsync(services, "storefront", message: "Storefront after the freeze");
        var (deferred, tipWhileDeferred, run) = await PolicyRunTests.DeferredThenFinishedAsync(services, pushed);

        Assert.Equal(("ci.trigger_build", pushed), (deferred.Tool, tipWhileDeferred));
        Assert.StartsWith("Deferred until ", deferred.Summary, StringComparison.Ordinal);
        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.Equal(0, run.Run.QuestionsAsked);
        Assert.All(run.Run.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.Equal(run.Run.DeployCommitSha, Tip(services, "storefront"));
    }

    [Fact]
    public async Task Restart_WorkflowWaitingForTheDeployApproval_AsksNothingTwiceAndMakesOneDeployCommit()
    {
        var data = Path.Combine(Path.GetTempPath(), "gitops-web-tests", Guid.NewGuid().ToString("N"));
        (string, string)[] settings = [("GitOps:Sandbox:Enabled", "true"), ("GitOps:Sandbox:RegistryPort", "0"), ("GitOps:Sandbox:KubernetesPort", "0"),
            ("GitOps:Sandbox:PodStartupSeconds", "0"), ("GitOps:Applications:2:Engine", "Workflow")];
        Question waiting;
        string pushed;
        await using (var first = new ConsoleFactory(data, keepData: true, settings))
        {
            var services = Start(first);
            pushed = await PushAsync(services, "payments", message: "Payments through the pipeline");
            var build = await OpenQuestionAsync(services, pushed);
            await services.GetRequiredService<IQuestionService>().AnswerAsync(build.Id, "approve", "alice", Ct);
            waiting = await EventuallyAsync(async () => await OpenQuestionAsync(services, pushed) is { } q && q.Id != build.Id ? q : null,
                TimeSpan.FromSeconds(90), "the approval of the deploy commit");
        }

        await using var second = new ConsoleFactory(data, keepData: false, settings);
        var resumed = Start(second);
        var stillOpen = await OpenQuestionAsync(resumed, pushed);
        using var client = await ApiClients.WithTokenAsync(second, UserRole.Operator);
        await ApproveUntilDoneAsync(resumed, client, pushed);

        var run = await FinishedRunAsync(resumed, pushed);
        Assert.Equal(waiting.Id, stillOpen.Id);
        Assert.StartsWith("Approve values.set_image_tag: ", stillOpen.Text, StringComparison.Ordinal);
        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.Equal(DeploymentEngine.Workflow, run.Run.Engine);
        Assert.Equal(3, (await resumed.GetRequiredService<IQuestionService>().OfRunAsync(run.Run.Id, Ct)).Count);
        Assert.Equal(run.Run.DeployCommitSha, Tip(resumed, "payments"));
        using var repository = new LibGit2Sharp.Repository(resumed.GetRequiredService<Web.Sandbox.SandboxRuntime>().World!.CloneUrl("payments"));
        Assert.Equal(1, repository.Commits.QueryBy(new LibGit2Sharp.CommitFilter { IncludeReachableFrom = "main" })
            .Count(c => c.Message.Contains($"GitOps-Run: {run.Run.Id}", StringComparison.Ordinal)));
    }
}
