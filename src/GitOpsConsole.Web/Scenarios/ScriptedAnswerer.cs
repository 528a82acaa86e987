using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>
/// Answers a twin run's open questions with the scenario's scripted answers, through the same question service the
/// chat panel and the API use (first answer wins there too). Questions no script matches are left to a person.
/// </summary>
internal sealed class ScriptedAnswerer(IQuestionService questions)
{
    /// <summary>True when it answered at least one question, so the run goes on.</summary>
    public async Task<bool> AnswerAsync(ScenarioDefinition scenario, Run run, CancellationToken cancellationToken)
    {
        var answered = false;
        foreach (var question in await questions.OpenAsync(run.Id, cancellationToken))
        {
            if (ScriptedAnswers.For(scenario.Answers, question.Text, QuestionRules.Choices(question)) is { } answer)
            {
                var outcome = await questions.AnswerAsync(question.Id, answer, $"scenario:{scenario.Name}", cancellationToken);
                answered |= outcome.Result == AnswerResult.Accepted;
            }
        }

        return answered;
    }
}
