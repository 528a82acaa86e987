namespace GitOpsConsole.Core.Domain;

/// <summary>What one entry of an agent's reasoning trace records.</summary>
public enum TraceKind
{
    Thought,
    ToolCall,
    ToolResult,
    Observation,
    Question,
    Answer,
    /// <summary>A user's instruction to a running agent, read at its next step.</summary>
    Instruction,
    Decision,
    Final,
}

/// <summary>One entry of an agent run's trace, persisted before the UI is told.</summary>
public sealed class TraceEntry
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public int Sequence { get; set; }
    public TraceKind Kind { get; set; }
    /// <summary>The text: a thought, a result (full, uncapped), a question, an answer.</summary>
    public required string Content { get; set; }
    public string? ToolName { get; set; }
    public string? ArgumentsJson { get; set; }
    /// <summary>The model's id for a tool call, which its result answers.</summary>
    public string? CallId { get; set; }
    public int? DurationMs { get; set; }
    public int? Tokens { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
