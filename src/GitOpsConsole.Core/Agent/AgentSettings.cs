using GitOpsConsole.Core.Agent.Policies;
using GitOpsConsole.Core.Configuration;

namespace GitOpsConsole.Core.Agent;

/// <summary>The bounds every agent run stays inside, who the model is (shown on every run), and the policies per environment.</summary>
public sealed record AgentSettings(
    string Provider,
    int MaxSteps,
    TimeSpan MaxWallTime,
    long TokenBudget,
    int ToolOutputCap,
    IReadOnlyList<string> RedactPatterns)
{
    public TimeSpan QuestionTimeout { get; init; } = TimeSpan.FromMinutes(60);

    public IReadOnlyDictionary<string, EnvironmentPolicy> Policies { get; init; } = new Dictionary<string, EnvironmentPolicy>();

    public EnvironmentPolicy PolicyFor(string environment) =>
        Policies.TryGetValue(environment ?? "", out var policy) ? policy : EnvironmentPolicy.None;

    public static AgentSettings From(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Provider, options.MaxSteps, TimeSpan.FromMinutes(options.MaxWallTimeMinutes), options.TokenBudget, options.ToolOutputCap, options.RedactPatterns)
        {
            QuestionTimeout = TimeSpan.FromMinutes(options.QuestionTimeoutMinutes),
            Policies = EnvironmentPolicy.All(options.Policies),
        };
    }
}
