namespace GitOpsConsole.Core.Domain;

/// <summary>One engine's handling of one event for one application.</summary>
public sealed class Run
{
    public Guid Id { get; set; }
    public int ApplicationId { get; set; }
    public Application? Application { get; set; }
    public Guid? TriggerEventId { get; set; }
    public TriggerEvent? TriggerEvent { get; set; }
    public DeploymentEngine Engine { get; set; }
    public RunStatus Status { get; set; }
    /// <summary>Why the run ended as it did, in one sentence.</summary>
    public string? Reason { get; set; }
    /// <summary>The source commit the run deploys (or checks, for a pull request).</summary>
    public string? CommitSha { get; set; }
    /// <summary>The image reference the run deploys, <c>repository:tag</c>; known from the event or once CI built it.</summary>
    public string? Image { get; set; }
    /// <summary>The commit that wrote the new tag to the values file.</summary>
    public string? DeployCommitSha { get; set; }
    /// <summary>The revert commit of a rollback.</summary>
    public string? RollbackCommitSha { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset? HealthyAt { get; set; }
    public int ToolCalls { get; set; }
    public int QuestionsAsked { get; set; }
    public int CommitsMade { get; set; }
    public long LlmTokens { get; set; }
    /// <summary>The agent's model provider (Offline, OpenAI, AzureOpenAI, OpenAICompatible); null for the workflow.</summary>
    public string? Provider { get; set; }
    /// <summary>The model id the provider used.</summary>
    public string? Model { get; set; }
    /// <summary>The agent's decision record as JSON: goal, outcome, decisions with evidence, changes, risks.</summary>
    public string? DecisionJson { get; set; }
    /// <summary>Who asked to cancel the run on a replica that does not execute it; the leader cancels it at its next look.</summary>
    public string? CancelRequestedBy { get; set; }
    public List<Step> Steps { get; set; } = [];
}
