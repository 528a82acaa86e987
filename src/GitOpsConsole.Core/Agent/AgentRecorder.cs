using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;

namespace GitOpsConsole.Core.Agent;

/// <summary>Writes a run's trace entries and, at the end, its decision record, Final entry and facts.</summary>
internal sealed class AgentRecorder(AgentSessionParts parts, AgentConversation conversation)
{
    private Guid RunId => parts.Context.Run.Id;

    public Task<TraceEntry> AppendAsync(TraceEntry entry, CancellationToken cancellationToken)
    {
        entry.RunId = RunId;
        return parts.Trace.AppendAsync(entry, cancellationToken);
    }

    /// <summary>Copies what the tools reported onto the run (image, deploy and revert commits, healthy time).</summary>
    public Task UpdateFactsAsync(CancellationToken cancellationToken)
    {
        var facts = conversation.Facts;
        var now = parts.Time.GetUtcNow();
        return parts.Journal.UpdateRunAsync(RunId, r =>
        {
            r.Image = facts.Image ?? r.Image;
            r.DeployCommitSha = facts.DeployCommit ?? r.DeployCommitSha;
            r.RollbackCommitSha = facts.RevertCommit ?? r.RollbackCommitSha;
            r.CommitsMade = facts.CommitsMade;
            r.HealthyAt = facts.LastHealth == nameof(HealthStatus.Healthy) && facts.DeployCommit is not null ? r.HealthyAt ?? now : r.HealthyAt;
        }, cancellationToken);
    }

    /// <summary>Ends on the model's closing message: its report, checked against what the tools reported.</summary>
    public Task<RunOutcome> FinishWithReportAsync(string text, CancellationToken cancellationToken)
    {
        if (FinalReport.Parse(text) is not { } report)
        {
            var reason = $"the model ended without a decision record: {(text.Length > 200 ? text[..200] + "…" : text)}";
            return FinishAsync(new RunOutcome(RunStatus.Escalated, reason), new AgentDecision("Did not accept the model's ending", reason), [], cancellationToken);
        }

        var outcome = report.Verify(conversation.Facts);
        IReadOnlyList<AgentDecision> decisions = outcome.Status == report.Outcome
            ? report.Decisions
            : [.. report.Decisions, new AgentDecision($"Ended {outcome.Status} instead of {report.Outcome}", outcome.Reason)];
        return FinishAsync(outcome, decisions, report.Risks, cancellationToken);
    }

    public Task<RunOutcome> FinishAsync(RunOutcome outcome, AgentDecision decision, IReadOnlyList<string> risks, CancellationToken cancellationToken) =>
        FinishAsync(outcome, [decision], risks, cancellationToken);

    private async Task<RunOutcome> FinishAsync(RunOutcome outcome, IReadOnlyList<AgentDecision> decisions, IReadOnlyList<string> risks, CancellationToken cancellationToken)
    {
        var app = parts.Context.Application;
        var trigger = parts.Trigger;
        var subject = trigger.Tag is not null ? $"image {trigger.Image}:{trigger.Tag}" : trigger.CommitSha is { } sha ? $"commit {CommitSha.Abbreviate(sha)}" : $"the {trigger.Kind} event";
        var record = new DecisionRecord($"Deploy {subject} to {app.Name} ({app.Environment}) and leave it Healthy",
            outcome.Status.ToString(), outcome.Reason, decisions, conversation.Facts.Changes, risks, parts.Model.Provider, parts.Model.ModelId);
        var json = record.ToJson();
        await AppendAsync(new TraceEntry { Kind = TraceKind.Decision, Content = json }, cancellationToken);
        await AppendAsync(new TraceEntry { Kind = TraceKind.Final, Content = $"{outcome.Status}: {outcome.Reason}" }, cancellationToken);
        await UpdateFactsAsync(cancellationToken);
        await parts.Journal.UpdateRunAsync(RunId, r =>
        {
            r.DecisionJson = json;
            r.LlmTokens = conversation.Tokens;
        }, cancellationToken);
        return outcome;
    }
}
