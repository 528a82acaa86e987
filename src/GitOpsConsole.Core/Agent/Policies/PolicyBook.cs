using System.Collections.Concurrent;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Agent.Policies;

/// <summary>
/// The policy both engines check before a mutation: the application's environment policy from configuration, plus
/// the freeze periods declared for that application while the console runs (the scenario lab's freeze that starts
/// mid-run). Nothing a model or a run writes reaches it.
/// </summary>
public sealed class PolicyBook(AgentSettings settings)
{
    private readonly ConcurrentDictionary<string, FreezePeriod[]> _periods = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The agent's policy for <paramref name="app"/>: every rule of its environment.</summary>
    public EnvironmentPolicy For(Application app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var policy = settings.PolicyFor(app.Environment);
        return _periods.TryGetValue(app.Name, out var periods) ? policy with { FreezePeriods = [.. policy.FreezePeriods, .. periods] } : policy;
    }

    /// <summary>
    /// The workflow's policy: freeze windows and approval only. Allowed tools, read-only mode and max replicas say
    /// what a model may do; the fixed pipeline's steps are its configuration, not a model's choice.
    /// </summary>
    public EnvironmentPolicy ForWorkflow(Application app) =>
        For(app) with { ReadOnly = false, MaxReplicas = null, AllowedTools = new HashSet<string>() };

    /// <summary>Freezes <paramref name="application"/> for the period, on top of its environment's windows.</summary>
    public void Freeze(string application, FreezePeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        _periods.AddOrUpdate(application, [period], (_, existing) => [.. existing, period]);
    }

    /// <summary>Drops the freeze periods declared for <paramref name="application"/> (a retired scenario twin).</summary>
    public void Forget(string application) => _periods.TryRemove(application, out _);
}
