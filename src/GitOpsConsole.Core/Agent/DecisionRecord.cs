using System.Text.Json;

namespace GitOpsConsole.Core.Agent;

/// <summary>One key decision of a run and the evidence behind it.</summary>
public sealed record AgentDecision(string Decision, string Evidence);

/// <summary>
/// What an agent run leaves behind for people (run page, audit): its goal, how it ended, the decisions with
/// their evidence, what it changed (from the tools' own results) and what risks remain.
/// </summary>
public sealed record DecisionRecord(
    string Goal,
    string Outcome,
    string Summary,
    IReadOnlyList<AgentDecision> Decisions,
    IReadOnlyList<AgentChange> Changes,
    IReadOnlyList<string> Risks,
    string Provider,
    string Model)
{
    public string ToJson() => JsonSerializer.Serialize(this, AgentJson.Options);

    public static DecisionRecord? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<DecisionRecord>(json, AgentJson.Options);
}
