using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Ingestion;

/// <summary>
/// A GitHub <c>workflow_run</c> delivery: a CI run's progress, which tells a build the console follows its state at once.
/// It never starts a run; one about a run nobody follows is recorded as ignored, like any event that deploys nothing.
/// </summary>
public sealed record WorkflowRunUpdate(long RunId, string Repository, string Action, string Status, string? Conclusion,
    string? HtmlUrl, string? HeadSha, string? HeadBranch, string? Title)
{
    public IncomingEvent Unfollowed(string deliveryId) => new(
        TriggerKind.CiRun, EventSources.GitHub, deliveryId, Repository,
        HeadBranch is null ? null : "refs/heads/" + HeadBranch,
        CommitSha: HeadSha,
        Message: $"workflow run {RunId} {Action}: {Title}",
        IgnoreReason: $"workflow run {RunId} of {Repository} is not a build the console follows; a workflow_run event starts no run");
}
