using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Agent.Questions;

/// <summary>
/// The one place questions are asked, answered, expired and withdrawn: the agent's loop asks and waits, the API,
/// the chat panel and scripted answerers (the scenario lab) answer through <see cref="AnswerAsync"/>.
/// </summary>
public interface IQuestionService
{
    /// <summary>Stores the question, or returns the one the same run asked at the same step (a resumed run asks once).</summary>
    Task<(Question Question, bool Created)> AskAsync(QuestionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Waits until the question is answered, withdrawn or expired (at its deadline the default is taken).</summary>
    Task<Question> WaitAsync(Guid questionId, CancellationToken cancellationToken = default);

    /// <summary>Answers an open question; the first answer wins and a late one is refused with the reason.</summary>
    Task<AnswerOutcome> AnswerAsync(Guid questionId, string? answer, string answeredBy, CancellationToken cancellationToken = default);

    /// <summary>Closes the run's open questions because it ended; returns how many were open.</summary>
    Task<int> WithdrawAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>Open questions, oldest first, of one run or of all.</summary>
    Task<IReadOnlyList<Question>> OpenAsync(Guid? runId = null, CancellationToken cancellationToken = default);

    /// <summary>Every question of a run, in the order asked.</summary>
    Task<IReadOnlyList<Question>> OfRunAsync(Guid runId, CancellationToken cancellationToken = default);
}
