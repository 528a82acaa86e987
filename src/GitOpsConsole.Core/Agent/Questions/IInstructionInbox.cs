using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Agent.Questions;

/// <summary>Instructions people sent to a running agent, as its loop takes them at its next step.</summary>
public interface IInstructionInbox
{
    /// <summary>The run's unread instructions in the order sent, marked read.</summary>
    Task<IReadOnlyList<Instruction>> TakeUnreadAsync(Guid runId, CancellationToken cancellationToken = default);
}
