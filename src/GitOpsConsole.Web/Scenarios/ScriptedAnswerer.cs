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
    /// <summary>
    /// True when the run waits on a person: an open question no script answers. False while the run goes on by
    /// itself: a question was just answered, or none is open yet (the run's status can say WaitingForInput a
    /// moment before its next question is stored or after its last one was answered).
    /// </summary>
    public async Task<bool> WaitsOnAPersonAsync(ScenarioDefinition scenario, Run run, CancellationToken cancellationToken)
    {
        var unanswered = false;
        foreach (var question in await questions.OpenAsync(run.Id, cancellationToken))
        {
            var answer = ScriptedAnswers.For(scenario.Answers, question.Text, QuestionRules.Choices(question));
            if (answer is not null)
            {
                await questions.AnswerAsync(question.Id, answer, $"scenario:{scenario.Name}", cancellationToken);
            }

            // A conflict means someone (a person in the chat panel) answered first: the run goes on either way.
            unanswered |= answer is null;
        }

        return unanswered;
    }
}
