namespace GitOpsConsole.Core.Scenarios;

public enum ScenarioRunStatus
{
    /// <summary>Creating the twin worlds and bringing both to the starting state.</summary>
    Preparing,
    /// <summary>The event is fired; both engines are running.</summary>
    Running,
    /// <summary>Both runs ended and the end state was read.</summary>
    Finished,
    /// <summary>The lab itself could not run the scenario (see <see cref="ScenarioRun.Error"/>).</summary>
    Failed,
}

/// <summary>One scenario played in twin worlds: the two runs it groups and the end state each left behind.</summary>
public sealed class ScenarioRun
{
    public Guid Id { get; set; }
    /// <summary>Scenario runs started together by "Run all" share it.</summary>
    public Guid? BatchId { get; set; }
    public required string Scenario { get; set; }
    public ScenarioRunStatus Status { get; set; }
    public string? Error { get; set; }
    public string? WorkflowApplication { get; set; }
    public string? AgentApplication { get; set; }
    public Guid? WorkflowRunId { get; set; }
    public Guid? AgentRunId { get; set; }
    /// <summary>The world after each run (<c>ObservedEnd</c> as JSON).</summary>
    public string? WorkflowEndJson { get; set; }
    public string? AgentEndJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
