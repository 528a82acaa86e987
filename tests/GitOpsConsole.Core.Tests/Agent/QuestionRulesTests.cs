using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Tests.Agent;

/// <summary>The question state machine: approvals offer exactly approve/reject and default to reject; first answer wins; late answers are refused.</summary>
public class QuestionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static Question Approval() => QuestionRules.Create(QuestionRequest.Approval(Guid.NewGuid(), 3, "Approve ci.trigger_build?"), Now, TimeSpan.FromMinutes(60));

    [Fact]
    public void Create_Approval_OffersApproveAndRejectDefaultingToRejectAtTheTimeout()
    {
        var question = Approval();

        Assert.Equal(["approve", "reject"], QuestionRules.Choices(question));
        Assert.Equal(("reject", QuestionStatus.Open, Now.AddHours(1), 3), (question.DefaultAnswer, question.Status, question.ExpiresAt, question.StepSequence));
    }

    [Fact]
    public void Create_QuestionWithChoicesAndNoDefault_DefaultsToTheFirstChoice()
    {
        var question = QuestionRules.Create(new QuestionRequest(Guid.NewGuid(), 1, " Which field? ", ["image.tag", "sidecar.tag", "image.tag"], null, false), Now, TimeSpan.FromMinutes(5));

        Assert.Equal(["image.tag", "sidecar.tag"], QuestionRules.Choices(question));
        Assert.Equal(("Which field?", "image.tag"), (question.Text, question.DefaultAnswer));
    }

    [Theory]
    [InlineData("Approve", "approve")]
    [InlineData(" reject ", "reject")]
    public void Check_ApprovalChoiceInAnyCase_IsTakenInItsOwnSpelling(string answer, string expected)
    {
        var (taken, refusal) = QuestionRules.Check(Approval(), answer, Now.AddMinutes(1));

        Assert.Null(refusal);
        Assert.Equal(expected, taken);
    }

    [Theory]
    [InlineData("", "The answer is empty.")]
    [InlineData("yes please", "'yes please' is not an answer to an approval; answer approve or reject.")]
    public void Check_EmptyOrFreeTextToAnApproval_IsInvalid(string answer, string message)
    {
        var (_, refusal) = QuestionRules.Check(Approval(), answer, Now.AddMinutes(1));

        Assert.Equal((AnswerResult.Invalid, message), (refusal!.Result, refusal.Message));
    }

    [Fact]
    public void Check_FreeTextToAnOrdinaryQuestion_IsTakenAsWritten()
    {
        var question = QuestionRules.Create(new QuestionRequest(Guid.NewGuid(), 1, "Is the drift intended?", ["yes", "no"], "no", false), Now, TimeSpan.FromMinutes(5));

        var (taken, refusal) = QuestionRules.Check(question, "  yes, I scaled it by hand for the sale ", Now);

        Assert.Null(refusal);
        Assert.Equal("yes, I scaled it by hand for the sale", taken);
    }

    [Fact]
    public void Check_AlreadyAnsweredOrPastTheDeadline_IsAConflictThatSaysWhy()
    {
        var answered = Approval();
        answered.Status = QuestionStatus.Answered;
        answered.Answer = "approve";
        answered.AnsweredBy = "alice";
        answered.AnsweredAt = Now.AddMinutes(2);

        var (_, second) = QuestionRules.Check(answered, "reject", Now.AddMinutes(3));
        var (_, late) = QuestionRules.Check(Approval(), "approve", Now.AddHours(2));

        Assert.Equal(AnswerResult.Conflict, second!.Result);
        Assert.StartsWith("The question was already answered 'approve' by alice", second.Message, StringComparison.Ordinal);
        Assert.Equal(AnswerResult.Conflict, late!.Result);
        Assert.Contains("the run took the default answer 'reject'", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithdrawnQuestion_IsAConflict()
    {
        var question = Approval();
        question.Status = QuestionStatus.Withdrawn;

        var (_, refusal) = QuestionRules.Check(question, "approve", Now);

        Assert.Equal((AnswerResult.Conflict, "The question was withdrawn: its run ended before anyone answered."), (refusal!.Result, refusal.Message));
    }
}
