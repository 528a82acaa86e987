namespace GitOpsConsole.Core.Agent.Questions;

/// <summary>
/// A question a run asks at one of its steps. Approvals offer exactly <c>approve</c> and <c>reject</c> and default to
/// <c>reject</c>; other questions may offer choices and still take free text.
/// </summary>
public sealed record QuestionRequest(Guid RunId, int StepSequence, string Text, IReadOnlyList<string> Choices, string? Default, bool IsApproval)
{
    public const string Approve = "approve";
    public const string Reject = "reject";

    public static QuestionRequest Approval(Guid runId, int stepSequence, string text) =>
        new(runId, stepSequence, text, [Approve, Reject], Reject, IsApproval: true);
}
