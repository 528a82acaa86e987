using System.ComponentModel;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary><c>human_ask</c>: the run pauses until a person answers in the chat panel (or the question times out to its default).</summary>
internal static class HumanFunctions
{
    public static IEnumerable<KernelFunction> Create(AgentRunContext context)
    {
        yield return AgentToolbox.Function("human_ask",
            "Asks the people watching this run a question and waits for the answer. Offer choices when there are clear options; people may still answer with free text. When nobody answers in time the default is taken. Returns the answer and who gave it.",
            mutates: false,
            async ([Description("The question, self-contained: what you saw and what you need to know.")] string question,
                [Description("Answers to offer, e.g. [\"yes\", \"no\"].")] string[]? choices = null,
                [Description("The answer taken when nobody answers in time; default: the first choice.")] string? defaultAnswer = null,
                CancellationToken ct = default) =>
            {
                var human = context.Human ?? throw new InvalidOperationException("no person can be asked in this run");
                var asked = await human.AskAsync(new QuestionRequest(context.Run.Id, context.StepSequence, question, choices ?? [], defaultAnswer, IsApproval: false), ct);
                var answer = new { status = asked.Status.ToString(), answer = asked.Answer, answeredBy = asked.AnsweredBy };
                return new ToolOutput(answer, asked.Status == QuestionStatus.Answered
                    ? $"{asked.AnsweredBy} answered: {asked.Answer}"
                    : $"No answer in time; took the default '{asked.DefaultAnswer}'");
            });
    }
}
