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
}
