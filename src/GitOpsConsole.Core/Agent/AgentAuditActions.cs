namespace GitOpsConsole.Core.Agent;

/// <summary>What the agent engine writes to the audit log (its Git commits and syncs are audited by the tools themselves).</summary>
public static class AgentAuditActions
{
    /// <summary>An agent run ended: its outcome and reason; the full decision record is on the run.</summary>
    public const string Decision = "agent.decision";
}
