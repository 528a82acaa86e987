using GitOpsConsole.Core.Configuration;

namespace GitOpsConsole.Core.Agent.Policies;

/// <summary>The agent's policy for one environment, parsed once from <see cref="AgentPolicyOptions"/>.</summary>
public sealed record EnvironmentPolicy(bool RequireApproval, bool ReadOnly, int? MaxReplicas, IReadOnlySet<string> AllowedTools, IReadOnlyList<FreezeWindow> FreezeWindows)
{
    /// <summary>One-off freezes of one application (<see cref="PolicyBook.Freeze"/>), checked like the recurring windows.</summary>
    public IReadOnlyList<FreezePeriod> FreezePeriods { get; init; } = [];

    public static EnvironmentPolicy None { get; } = new(false, false, null, new HashSet<string>(), []);

    public static EnvironmentPolicy From(AgentPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.RequireApproval, options.ReadOnly, options.MaxReplicas,
            options.AllowedTools.Select(t => t.Trim()).Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase),
            [.. options.FreezeWindows.Select(FreezeWindow.Parse)]);
    }

    /// <summary>Every environment's policy by name; an environment without one gets <see cref="None"/>.</summary>
    public static IReadOnlyDictionary<string, EnvironmentPolicy> All(IReadOnlyDictionary<string, AgentPolicyOptions> options) =>
        (options ?? new Dictionary<string, AgentPolicyOptions>()).ToDictionary(p => p.Key, p => From(p.Value), StringComparer.OrdinalIgnoreCase);
}
