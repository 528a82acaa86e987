using System.ComponentModel;
using GitOpsConsole.Core.Agent.Policies;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary><c>policy_check</c>: the verdict policy would give a call now, so a model can plan around it instead of running into it.</summary>
internal static class PolicyFunctions
{
    public static KernelFunction Create(IReadOnlyList<KernelFunction> functions, Func<EnvironmentPolicy> policy, AgentRunContext context, TimeProvider time) =>
        AgentToolbox.Function("policy_check",
            "Says what the environment's policy would decide now about a tool: Allow, Ask (a person must approve), Defer (a freeze window; until when) or Deny, and why. Pass replicas to check a replica count against the environment's limit.",
            mutates: false,
            ([Description("The tool, e.g. values_set or values.set.")] string action,
                [Description("A replica count the call would set (replicaCount, autoscaling.maxReplicas or minReplicas).")] int? replicas = null) =>
            {
                var function = functions.FirstOrDefault(f => string.Equals(f.Name, action, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(ToolMetadata.ToolboxName(f), action, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ArgumentException($"unknown tool '{action}'; the tools are: {string.Join(", ", functions.Select(f => f.Name))}", nameof(action));
                var arguments = new KernelArguments();
                if (replicas is { } count)
                {
                    arguments["replicas"] = count;
                }

                var tool = ToolMetadata.ToolboxName(function);
                var call = new PolicyCall(context.Application, tool, function.Name, ToolMetadata.Mutates(function), arguments, $"{tool}()");
                var verdict = AgentPolicy.Check(call, policy(), time.GetUtcNow());
                var reason = verdict.Allowed ? $"{tool} is allowed now{(ToolMetadata.Mutates(function) ? "" : " (read-only)")}" : verdict.Reason;
                var answer = new PolicyAnswer(tool, ToolMetadata.Mutates(function), verdict.Decision.ToString(), reason, verdict.Until);
                return new ToolOutput(answer, $"Policy for {tool}: {answer.Decision}{(verdict.Allowed ? "" : $" ({reason})")}");
            });

    /// <summary>The verdict as the model reads it: never the policy's configuration itself.</summary>
    private sealed record PolicyAnswer(string Tool, bool Mutates, string Decision, string Reason, DateTimeOffset? Until);
}
