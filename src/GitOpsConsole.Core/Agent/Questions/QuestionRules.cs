using System.Text.Json;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Agent.Questions;

/// <summary>How an answer attempt went: taken, or why not (the API maps these to 200, 404, 400 and 409).</summary>
public enum AnswerResult
{
    Accepted,
    UnknownQuestion,
    Invalid,
    Conflict,
}

/// <summary>The answer attempt's result, the question as it stands after it, and the sentence a person reads.</summary>
public sealed record AnswerOutcome(AnswerResult Result, string Message, Question? Question);

/// <summary>
/// The question state machine: Open → Answered (first answer wins), Open → Expired (the default is taken at the
/// deadline), Open → Withdrawn (the run ended). Nothing leaves a closed state.
/// </summary>
public static class QuestionRules
{
    public const int MaxAnswerLength = 2000;
    public const string TimeoutAnswerer = "timeout";

    public static Question Create(QuestionRequest request, DateTimeOffset now, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        var choices = request.IsApproval ? [QuestionRequest.Approve, QuestionRequest.Reject]
            : request.Choices.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var fallback = request.IsApproval ? QuestionRequest.Reject
            : Match(choices, request.Default) ?? (string.IsNullOrWhiteSpace(request.Default) ? choices.FirstOrDefault() ?? "no answer" : request.Default.Trim());
        return new Question
        {
            Id = Guid.CreateVersion7(now), RunId = request.RunId, StepSequence = request.StepSequence, Text = request.Text.Trim(),
            ChoicesJson = JsonSerializer.Serialize(choices), IsApproval = request.IsApproval, DefaultAnswer = fallback,
            CreatedAt = now, ExpiresAt = now + timeout, Status = QuestionStatus.Open,
        };
    }

    public static IReadOnlyList<string> Choices(Question question) =>
        JsonSerializer.Deserialize<List<string>>(question?.ChoicesJson ?? "[]") ?? [];

    /// <summary>
    /// Whether <paramref name="answer"/> may close the question now: the normalized answer (a choice in its own
    /// spelling, free text trimmed), or the refusal. Approvals take only their two choices.
    /// </summary>
    public static (string? Answer, AnswerOutcome? Refusal) Check(Question question, string? answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Status != QuestionStatus.Open)
        {
            return (null, new AnswerOutcome(AnswerResult.Conflict, Closed(question), question));
        }

        if (now >= question.ExpiresAt)
        {
            return (null, new AnswerOutcome(AnswerResult.Conflict, $"The question expired at {question.ExpiresAt:u}; the run took the default answer '{question.DefaultAnswer}'.", question));
        }

        var text = answer?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, new AnswerOutcome(AnswerResult.Invalid, "The answer is empty.", question));
        }

        if (text.Length > MaxAnswerLength)
        {
            return (null, new AnswerOutcome(AnswerResult.Invalid, $"The answer is {text.Length} characters long; at most {MaxAnswerLength} are taken.", question));
        }

        var choices = Choices(question);
        if (Match(choices, text) is { } choice)
        {
            return (choice, null);
        }

        return question.IsApproval
            ? (null, new AnswerOutcome(AnswerResult.Invalid, $"'{text}' is not an answer to an approval; answer {QuestionRequest.Approve} or {QuestionRequest.Reject}.", question))
            : (text, null);
    }

    /// <summary>Why a closed question takes no answer, in the words the 409 carries.</summary>
    public static string Closed(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Status switch
        {
            QuestionStatus.Answered => $"The question was already answered '{question.Answer}' by {question.AnsweredBy} at {question.AnsweredAt:u}; the first answer wins.",
            QuestionStatus.Expired => $"The question expired at {question.ExpiresAt:u}; the run took the default answer '{question.DefaultAnswer}'.",
            QuestionStatus.Withdrawn => "The question was withdrawn: its run ended before anyone answered.",
            _ => "The question is open.",
        };
    }

    private static string? Match(IEnumerable<string> choices, string? text) =>
        text is null ? null : choices.FirstOrDefault(c => string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase));
}
