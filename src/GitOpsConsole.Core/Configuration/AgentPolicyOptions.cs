namespace GitOpsConsole.Core.Configuration;

/// <summary>
/// What the agent may do in one environment (<c>GitOps:Agent:Policies:&lt;environment&gt;</c>). Read from configuration
/// only: nothing a model, a commit message or a log says reaches it.
/// </summary>
public sealed class AgentPolicyOptions
{
    /// <summary>Every mutating call waits for a person's approval (an application's own RequireApproval also asks).</summary>
    public bool RequireApproval { get; set; }

    /// <summary>No mutating call at all: the agent may only read and report.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>The most replicas a call may set; unset = no limit.</summary>
    public int? MaxReplicas { get; set; }

    /// <summary>Toolbox names (<c>ci.trigger_build</c>) or function names the agent may call; empty = all of them.</summary>
    public List<string> AllowedTools { get; set; } = [];

    public List<FreezeWindowOptions> FreezeWindows { get; set; } = [];
}

/// <summary>What a mutation inside a freeze window does.</summary>
public enum FreezeAction
{
    /// <summary>Ask a person for approval.</summary>
    Ask,

    /// <summary>Wait until the window ends, then go on.</summary>
    Defer,
}

/// <summary>A recurring time range (<c>HH:mm</c> to <c>HH:mm</c>, across midnight when End is before Start) in a time zone.</summary>
public sealed class FreezeWindowOptions
{
    public string Name { get; set; } = "freeze";

    public string Start { get; set; } = "";

    public string End { get; set; } = "";

    /// <summary>Days the window starts on; empty = every day.</summary>
    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>IANA or Windows time zone id; UTC when unset.</summary>
    public string TimeZone { get; set; } = "UTC";

    public FreezeAction Action { get; set; } = FreezeAction.Ask;
}
