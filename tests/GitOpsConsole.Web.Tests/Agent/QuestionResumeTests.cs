using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Web.Sandbox;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Agent.AgentTestKit;
using static GitOpsConsole.Web.Tests.Agent.QuestionTestKit;

namespace GitOpsConsole.Web.Tests.Agent;

/// <summary>A question outlives the console: after a restart on the same data it is still open, and answering it resumes the run.</summary>
public class QuestionResumeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string, string)[] Settings =
        [("GitOps:Sandbox:Enabled", "true"), ("GitOps:Sandbox:RegistryPort", "0"), ("GitOps:Sandbox:KubernetesPort", "0"), ("GitOps:Sandbox:PodStartupSeconds", "0")];

    [Fact]
    public async Task Restart_WhileWaitingForTheDeployApproval_QuestionStaysOpenAndAnsweringFinishesWithOneDeployCommit()
    {
        var data = Path.Combine(Path.GetTempPath(), "gitops-web-tests", Guid.NewGuid().ToString("N"));
        Question waiting;
        string pushed;
        await using (var first = new ConsoleFactory(data, keepData: true, Settings))
        {
            var services = Start(first);
            pushed = await PushAsync(services, "payments", message: "Payments 3");
            var build = await OpenQuestionAsync(services, pushed);
            Assert.Equal(QuestionRequest.Approve, (await services.GetRequiredService<IQuestionService>().AnswerAsync(build.Id, "approve", "alice", Ct)).Question!.Answer);
            // The second approval is the deploy commit's: the console stops while it waits.
            waiting = await SandboxTestKit.EventuallyAsync(async () => await OpenQuestionAsync(services, pushed) is { } q && q.Id != build.Id ? q : null,
                TimeSpan.FromSeconds(90), "the approval of the deploy commit");
        }

        await using var second = new ConsoleFactory(data, keepData: false, Settings);
        var resumed = Start(second);
        var questions = resumed.GetRequiredService<IQuestionService>();
        var stillOpen = await OpenQuestionAsync(resumed, pushed);
        using var client = await ApiClients.WithTokenAsync(second, UserRole.Operator);
        await ApproveUntilDoneAsync(resumed, client, pushed);

        var run = await FinishedRunAsync(resumed, pushed);
        Assert.Equal(waiting.Id, stillOpen.Id);
        Assert.StartsWith("Approve values.set_image_tag(", stillOpen.Text, StringComparison.Ordinal);
        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.Equal(3, (await questions.OfRunAsync(run.Run.Id, Ct)).Count);
        var trace = await resumed.GetRequiredService<TraceStore>().EntriesAsync(run.Run.Id, Ct);
        Assert.Equal(3, trace.Count(t => t.Kind == TraceKind.Question));
        Assert.Equal(run.Run.Steps.Count, trace.Count(t => t.Kind == TraceKind.ToolResult));
        using var repository = new LibGit2Sharp.Repository(resumed.GetRequiredService<SandboxRuntime>().World!.CloneUrl("payments"));
        var deployCommits = repository.Commits.QueryBy(new LibGit2Sharp.CommitFilter { IncludeReachableFrom = "main" })
            .Count(c => c.Message.Contains($"GitOps-Run: {run.Run.Id}", StringComparison.Ordinal));
        Assert.Equal(1, deployCommits);
        Assert.Equal(run.Run.DeployCommitSha, repository.Branches["main"].Tip.Sha);
    }
}
