using GitOpsConsole.Core.Configuration;

namespace GitOpsConsole.Core.Agent;

/// <summary>The bounds every agent run stays inside, and who the model is (shown on every run).</summary>
public sealed record AgentSettings(
    string Provider,
    int MaxSteps,
    TimeSpan MaxWallTime,
    long TokenBudget,
    int ToolOutputCap,
    IReadOnlyList<string> RedactPatterns)
{
    public static AgentSettings From(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Provider, options.MaxSteps, TimeSpan.FromMinutes(options.MaxWallTimeMinutes), options.TokenBudget, options.ToolOutputCap, options.RedactPatterns);
    }
}
