using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Web.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Agent.AgentTestKit;
using static GitOpsConsole.Web.Tests.Agent.QuestionTestKit;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Agent;

/// <summary>
/// The Offline agent on the real console and sandbox, pushed a values file with a second image block (a sidecar's):
/// it reads the file, asks which field to set, and deploys only when the answer is the configured field.
/// </summary>
public class AmbiguousValuesTests
{
    private const string Sidecar = "\nsidecar:\n  image:\n    repository: 127.0.0.1/log-shipper\n    tag: \"2.4.1\"\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Push_TwoImageFieldsAnsweredWithTheConfiguredField_SetsOnlyThatFieldAndSucceeds()
    {
        await using var factory = WithSandbox(("GitOps:Applications:0:Engine", "Agent"));
        var services = Start(factory);

        var pushed = await PushWithSidecarAsync(services);
        var question = await OpenQuestionAsync(services, pushed);
        await services.GetRequiredService<IQuestionService>().AnswerAsync(question.Id, "image.tag", "alice", Ct);

        var run = await FinishedRunAsync(services, pushed);
        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.False(question.IsApproval);
        Assert.Equal(["image.tag", "sidecar.image.tag", "stop"], QuestionRules.Choices(question));
        Assert.Equal(["ci.trigger_build", "git.read_file", "human.ask", "values.set_image_tag", "operator.sync", "cluster.health", "operator.diff"],
            run.Run.Steps.Select(s => s.Tool).Where(t => t != "ci.get_build"));
        var values = ValuesAtTip(services);
        Assert.Contains($"tag: \"{pushed[..7]}\"", values, StringComparison.Ordinal);
        Assert.Contains("    tag: \"2.4.1\"", values, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_TwoImageFieldsAnsweredWithTheSidecar_EscalatesAndLeavesGitAlone()
    {
        await using var factory = WithSandbox(("GitOps:Applications:0:Engine", "Agent"));
        var services = Start(factory);

        var pushed = await PushWithSidecarAsync(services);
        var question = await OpenQuestionAsync(services, pushed);
        await services.GetRequiredService<IQuestionService>().AnswerAsync(question.Id, "sidecar.image.tag", "alice", Ct);

        var run = await FinishedRunAsync(services, pushed);
        Assert.Equal(RunStatus.Escalated, run.Run.Status);
        Assert.Contains("the answer was 'sidecar.image.tag', not the configured image.tag", run.Run.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Run.Steps, s => s.Tool == "values.set_image_tag");
        Assert.Equal(pushed, Tip(services, "storefront"));
    }

    private static Task<string> PushWithSidecarAsync(IServiceProvider services) =>
        services.GetRequiredService<SandboxRuntime>().World!.CommitAsync(new ScenarioCommit("storefront", new ImageBehavior(ImageRuntime.Starts, TimeSpan.Zero), "Add a log shipper", "Dev", "dev@example.test")
        {
            Edits = [new FileEdit("chart/values.yaml", text => (text ?? "").TrimEnd('\n') + "\n" + Sidecar)],
        }, Ct);

    private static string ValuesAtTip(IServiceProvider services)
    {
        using var repository = new LibGit2Sharp.Repository(services.GetRequiredService<SandboxRuntime>().World!.CloneUrl("storefront"));
        return ((LibGit2Sharp.Blob)repository.Branches["main"].Tip["chart/values.yaml"].Target).GetContentText();
    }
}
