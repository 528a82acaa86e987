using System.Globalization;
using GitOpsConsole.Core.Agent.Policies;
using GitOpsConsole.Core.Domain;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary>What policy decides about one tool call.</summary>
public enum PolicyDecision
{
    Allow,
    /// <summary>Runs once a person approves.</summary>
    Ask,
    /// <summary>Runs once the freeze window ends (<see cref="PolicyVerdict.Until"/>).</summary>
    Defer,
    Deny,
}

/// <summary>What policy says about one tool call. The model only ever sees the verdict, never the rule's inputs.</summary>
public sealed record PolicyVerdict(PolicyDecision Decision, string Reason, DateTimeOffset? Until = null)
{
    public static PolicyVerdict Allow { get; } = new(PolicyDecision.Allow, "");

    public bool Allowed => Decision == PolicyDecision.Allow;
}

/// <summary>One tool call as policy sees it: who it is for and what it would do.</summary>
public sealed record PolicyCall(Application App, string Tool, string Function, bool Mutates, KernelArguments Arguments, string Action);

/// <summary>
/// Policy in code, from configuration only (the application's settings and <c>GitOps:Agent:Policies:&lt;environment&gt;</c>):
/// allowed tools, then for mutations read-only mode, max replicas, freeze windows and approval. Nothing a model
/// writes, or a commit message or log says, reaches these inputs.
/// </summary>
public static class AgentPolicy
{
    private const string AskTool = "human.ask";
    private const string CheckTool = "policy.check";

    private static readonly string[] ReplicaArguments = ["replicas", "replicaCount"];

    /// <summary>The last key of a values path that sets a replica count (compared case-insensitively).</summary>
    private static readonly string[] ReplicaKeys = ["replicas", "replicaCount", "maxReplicas", "minReplicas"];

    public static PolicyVerdict Check(PolicyCall call, EnvironmentPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(policy);
        var env = call.App.Environment;
        if (call.Tool is AskTool or CheckTool)
        {
            // Asking a person or asking policy changes nothing and is how a model should resolve doubt; no policy takes it away.
            return PolicyVerdict.Allow;
        }

        if (policy.AllowedTools.Count > 0 && !policy.AllowedTools.Contains(call.Tool) && !policy.AllowedTools.Contains(call.Function))
        {
            return new(PolicyDecision.Deny, $"{call.Tool} is not among the tools allowed in {env}");
        }

        if (!call.Mutates)
        {
            return PolicyVerdict.Allow;
        }

        if (policy.ReadOnly)
        {
            return new(PolicyDecision.Deny, $"{env} is read-only for the agent: {call.Action} was not run");
        }

        if (policy.MaxReplicas is { } max && Replicas(call) is { } wanted && wanted > max)
        {
            return new(PolicyDecision.Deny, $"{wanted} replicas is more than the {max} allowed in {env}");
        }

        foreach (var window in policy.FreezeWindows)
        {
            if (window.EndOfStretch(now) is { } end)
            {
                var why = $"{env} is in the freeze window '{window.Name}' until {TimeZoneInfo.ConvertTime(end, window.Zone):yyyy-MM-dd HH:mm} ({window.Zone.Id})";
                return window.Action == Configuration.FreezeAction.Defer
                    ? new(PolicyDecision.Defer, why, end)
                    : new(PolicyDecision.Ask, why);
            }
        }

        foreach (var period in policy.FreezePeriods.Where(p => p.Covers(now)))
        {
            var why = $"{call.App.Name} is in the freeze '{period.Name}' until {period.Until.ToUniversalTime():yyyy-MM-dd HH:mm:ss} (UTC)";
            return period.Action == Configuration.FreezeAction.Defer ? new(PolicyDecision.Defer, why, period.Until) : new(PolicyDecision.Ask, why);
        }

        return call.App.RequireApproval || policy.RequireApproval
            ? new(PolicyDecision.Ask, $"{call.App.Name} ({env}) needs a person's approval for every change")
            : PolicyVerdict.Allow;
    }

    private static int? Replicas(PolicyCall call)
    {
        foreach (var name in ReplicaArguments)
        {
            if (call.Arguments.TryGetValue(name, out var value) && int.TryParse(value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                return count;
            }
        }

        // values.set(yamlPath: ...replicaCount, value: N) sets replicas through the values file.
        return call.Arguments.TryGetValue("yamlPath", out var path) && path?.ToString() is { } p && ReplicaKeys.Contains(LastKey(p), StringComparer.OrdinalIgnoreCase)
            && call.Arguments.TryGetValue("value", out var v) && int.TryParse(v?.ToString()?.Trim().Trim('"', '\''), NumberStyles.Integer, CultureInfo.InvariantCulture, out var set) ? set : null;
    }

    /// <summary><c>autoscaling.maxReplicas</c> → <c>maxReplicas</c>; a quoted last key loses its quotes.</summary>
    private static string LastKey(string yamlPath)
    {
        var last = yamlPath.Trim().TrimEnd(']');
        var dot = last.LastIndexOf('.');
        return (dot < 0 ? last : last[(dot + 1)..]).Trim('"', '\'');
    }
}
