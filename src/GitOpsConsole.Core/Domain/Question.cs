namespace GitOpsConsole.Core.Domain;

public enum QuestionStatus
{
    Open,
    Answered,
    /// <summary>Nobody answered in time; the default answer was taken.</summary>
    Expired,
    /// <summary>The run ended (cancelled) before anyone answered.</summary>
    Withdrawn,
}

/// <summary>A question a run asks a person (<c>human.ask</c> or an approval); the run waits for it.</summary>
public sealed class Question
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    /// <summary>The run's step (tool call) that asked; a resumed run finds its question again by it instead of asking twice.</summary>
    public int StepSequence { get; set; }
    public required string Text { get; set; }
    /// <summary>The offered answers as a JSON array; approvals offer exactly <c>approve</c> and <c>reject</c>.</summary>
    public required string ChoicesJson { get; set; }
    public bool IsApproval { get; set; }
    /// <summary>What the run takes when nobody answers before <see cref="ExpiresAt"/> (approvals: reject).</summary>
    public required string DefaultAnswer { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public QuestionStatus Status { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}
