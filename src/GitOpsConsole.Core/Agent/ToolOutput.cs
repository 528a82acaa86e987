namespace GitOpsConsole.Core.Agent;

/// <summary>What one agent tool returned: the value the model reads (as JSON), the timeline line, and whether it did its job.</summary>
public sealed record ToolOutput(object Value, string Summary, bool Succeeded = true, string? Log = null);
