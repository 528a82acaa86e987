using System.Globalization;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Agent;

/// <summary>
/// Asks a person for a run (an approval or <c>human_ask</c>) and waits: the question is stored and traced once (a
/// resumed run finds it again by its step), the run shows WaitingForInput meanwhile and keeps its application's
/// lock, and the answer is handed to the call runner to trace after the call's result.
/// </summary>
internal sealed class AgentHuman(AgentSessionParts parts, AgentRecorder recorder)
{
    private Question? _answered;

    public async Task<Question> AskAsync(QuestionRequest request, CancellationToken cancellationToken)
    {
        var runId = parts.Context.Run.Id;
        var (question, created) = await parts.Questions.AskAsync(request, cancellationToken);
        if (created)
        {
            var choices = QuestionRules.Choices(question);
            await recorder.AppendAsync(new TraceEntry
            {
                Kind = TraceKind.Question,
                Content = $"{question.Text}\n{(choices.Count > 0 ? $"Choices: {string.Join(", ", choices)}; " : "")}default '{question.DefaultAnswer}' at {question.ExpiresAt.ToString("u", CultureInfo.InvariantCulture)}",
            }, cancellationToken);
        }

        if (question.Status == QuestionStatus.Open)
        {
            await parts.Journal.UpdateRunAsync(runId, r =>
            {
                r.Status = RunStatus.WaitingForInput;
                r.QuestionsAsked += created ? 1 : 0;
            }, cancellationToken);
            question = await parts.Questions.WaitAsync(question.Id, cancellationToken);
            await parts.Journal.UpdateRunAsync(runId, r => r.Status = RunStatus.Running, cancellationToken);
        }

        _answered = question;
        return question;
    }

    /// <summary>The question answered during the current call, once (the runner traces it after the call's result).</summary>
    public Question? TakeAnswered()
    {
        var answered = _answered;
        _answered = null;
        return answered;
    }

    /// <summary>How the answer reads to the model and in the trace.</summary>
    public static string Describe(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Status switch
        {
            QuestionStatus.Answered => $"{question.AnsweredBy} answered: {question.Answer}",
            QuestionStatus.Expired => $"Nobody answered \"{question.Text}\" by {question.ExpiresAt.ToString("u", CultureInfo.InvariantCulture)}; the default '{question.DefaultAnswer}' was taken.",
            _ => $"The question \"{question.Text}\" was withdrawn.",
        };
    }

    /// <summary>Who decided: the person, or the default at the deadline.</summary>
    public static string Decider(Question question) =>
        question?.Status == QuestionStatus.Answered ? question.AnsweredBy ?? "someone" : "default (nobody answered in time)";
}
