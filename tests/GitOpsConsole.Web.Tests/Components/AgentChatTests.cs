using Bunit;
using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.Components.Agent;
using GitOpsConsole.Web.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Components;

/// <summary>The run's chat panel over the real question store: Viewers see questions but cannot answer; an Operator's click answers once.</summary>
public class AgentChatTests : ComponentTestContext
{
    // Resolved on first use: bUnit takes no registrations (the signed-in user) after the first service is resolved.
    private QuestionStore Questions => Services.GetRequiredService<QuestionStore>();

    private InstructionStore Instructions => Services.GetRequiredService<InstructionStore>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(AgentSettings.From(new AgentOptions()));
        Services.AddSingleton<QuestionFeed>();
        Services.AddSingleton<QuestionStore>();
        Services.AddSingleton<IQuestionService>(p => p.GetRequiredService<QuestionStore>());
        Services.AddSingleton<InstructionStore>();
        await new GitOpsConsole.Data.Applications.ApplicationCatalog(Store, TimeProvider.System).SyncAsync(
            [new ApplicationOptions { Name = "payments", Environment = "prod", Repository = "sandbox:payments" }], Ct);
    }

    private async Task<Question> AskAsync(QuestionRequest? request = null)
    {
        var run = await RunSeed.AgentRunAsync(Services, "payments", RunStatus.WaitingForInput);
        return (await Questions.AskAsync(request is null ? QuestionRequest.Approval(run.Id, 1, "Approve ci.trigger_build?") : request with { RunId = run.Id }, Ct)).Question;
    }

    private void SignIn(UserRole role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized($"{role.ToString().ToLowerInvariant()}-user");
        if (role >= UserRole.Operator)
        {
            auth.SetPolicies(ConsoleRoles.CanOperate);
        }
    }

    [Fact]
    public async Task Render_Viewer_SeesTheQuestionWithItsChoicesDisabled()
    {
        SignIn(UserRole.Viewer);
        var question = await AskAsync();

        var chat = Render<AgentChat>(p => p.Add(c => c.RunId, question.RunId).Add(c => c.Active, true));

        chat.WaitForAssertion(() => Assert.Equal(["approve", "reject"], chat.FindAll("[data-testid=answer-choice]").Select(b => b.GetAttribute("data-choice"))));
        Assert.All(chat.FindAll("[data-testid=answer-choice]"), b => Assert.True(b.HasAttribute("disabled")));
        Assert.NotNull(chat.Find("[data-testid=answer-viewer]"));
        Assert.True(chat.Find("[data-testid=instruction-send]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ClickApprove_Operator_AnswersAndTheQuestionMovesToTheHistory()
    {
        SignIn(UserRole.Operator);
        var question = await AskAsync();
        var chat = Render<AgentChat>(p => p.Add(c => c.RunId, question.RunId).Add(c => c.Active, true));
        chat.WaitForElement("[data-testid=answer-choice][data-choice=approve]");

        chat.Find("[data-testid=answer-choice][data-choice=approve]").Click();

        chat.WaitForAssertion(() => Assert.Empty(chat.FindAll("[data-testid=question-card]")));
        var entry = chat.Find("[data-testid=chat-entry][data-kind=question]");
        Assert.Contains("answered by operator-user", entry.TextContent, StringComparison.Ordinal);
        Assert.Equal(("approve", "operator-user"), ((await Questions.GetAsync(question.Id, Ct))!.Answer, (await Questions.GetAsync(question.Id, Ct))!.AnsweredBy));
    }

    [Fact]
    public async Task SendAnswer_QuestionAnsweredElsewhereFirst_ShowsWhyTheLateAnswerWasNotTaken()
    {
        SignIn(UserRole.Operator);
        var question = await AskAsync(new QuestionRequest(Guid.Empty, 1, "Is the replica drift intended?", ["yes", "no"], "no", false));
        // A card on a page that has not heard of the other answer yet.
        var card = Render<QuestionCard>(p => p.Add(c => c.Question, question).Add(c => c.CanAnswer, true));
        await Questions.AnswerAsync(question.Id, "no", "bob", Ct);

        card.Find("input[data-testid=answer-text], [data-testid=answer-text] input").Change("yes, scaled by hand for the sale");
        card.Find("[data-testid=answer-send]").Click();

        card.WaitForAssertion(() => Assert.Contains("already answered 'no' by bob", card.Find("[data-testid=answer-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("no", (await Questions.GetAsync(question.Id, Ct))!.Answer);
    }

    [Fact]
    public async Task SendInstruction_Operator_IsStoredAndShownAsWaitingForTheNextStep()
    {
        SignIn(UserRole.Operator);
        var question = await AskAsync();
        var chat = Render<AgentChat>(p => p.Add(c => c.RunId, question.RunId).Add(c => c.Active, true));

        chat.Find("input[data-testid=instruction-text], [data-testid=instruction-text] input").Change("wait until 17:00");
        chat.Find("[data-testid=instruction-send]").Click();

        chat.WaitForAssertion(() => Assert.Contains("waiting for the agent's next step", chat.Find("[data-testid=chat-entry][data-kind=instruction]").TextContent, StringComparison.Ordinal));
        Assert.Equal("wait until 17:00", Assert.Single(await Instructions.OfRunAsync(question.RunId, Ct)).Text);
    }
}
