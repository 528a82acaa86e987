using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Web.Api;

/// <summary>A question an agent run asked: its choices, the default taken at <c>expiresAt</c>, and once closed, the answer and who gave it.</summary>
public sealed record QuestionJson(
    Guid Id, Guid RunId, string? App, string Text, IReadOnlyList<string> Choices, string Default, bool IsApproval, QuestionStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt)
{
    public static QuestionJson Of(Question question, string? app)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new(question.Id, question.RunId, app, question.Text, QuestionRules.Choices(question), question.DefaultAnswer, question.IsApproval, question.Status,
            question.CreatedAt, question.ExpiresAt, question.Answer, question.AnsweredBy, question.AnsweredAt);
    }
}

/// <summary><c>POST /api/questions/{id}/answer</c>: one of the choices (approvals: approve or reject) or, for other questions, free text.</summary>
public sealed record AnswerRequest(string? Answer);

/// <summary><c>POST /api/runs/{id}/instructions</c>: what the running agent reads at its next step.</summary>
public sealed record InstructionRequest(string? Text);

public sealed record InstructionJson(long Id, Guid RunId, string Text, string SentBy, DateTimeOffset SentAt, DateTimeOffset? ReadAt)
{
    public static InstructionJson Of(Instruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return new(instruction.Id, instruction.RunId, instruction.Text, instruction.SentBy, instruction.SentAt, instruction.ReadAt);
    }
}
