namespace GitOpsConsole.Core.Operator;

/// <summary>The audit vocabulary of drift detection and the application switches, beside <see cref="Auditing.AuditActions"/>.</summary>
public static class DriftAuditActions
{
    /// <summary>Self-heal re-applied Git over live edits (the detail names the fields).</summary>
    public const string SelfHeal = "drift.self-heal";

    /// <summary>A person told drift detection to leave a field alone.</summary>
    public const string Ignore = "drift.ignore";

    /// <summary>A person switched an application's self-heal on or off.</summary>
    public const string SelfHealSwitch = "apps.self-heal";

    /// <summary>A person asked for a sync (the sync itself is audited as <c>operator.sync</c> when it ends).</summary>
    public const string SyncRequested = "operator.sync-requested";
}
