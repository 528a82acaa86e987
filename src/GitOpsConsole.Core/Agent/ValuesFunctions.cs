using System.ComponentModel;
using GitOpsConsole.Core.Toolbox;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary><c>values_set</c> and <c>chart_bump_version</c>: any chart change is a commit, with the same guarantees as a deploy.</summary>
internal static class ValuesFunctions
{
    public static IEnumerable<KernelFunction> Create(IValuesTool values, AgentRunContext context)
    {
        yield return AgentToolbox.Function("values_set",
            "Sets one Helm value the GitOps way: a comment-preserving edit of one scalar in a YAML file of the application's chart folder, committed and pushed. Replica counts above the environment's limit are refused by policy. Returns the commit SHA and whether it is new (Committed), found again (AlreadyDone) or unnecessary (NoChange). Sync afterwards to apply it.",
            mutates: true,
            async ([Description("The YAML file, relative to the chart folder, e.g. values.yaml.")] string file,
                [Description("The dotted path of an existing scalar, e.g. replicaCount, resources.limits.memory or ingress.hosts[0].host.")] string yamlPath,
                [Description("The new value: a YAML number, true/false or null is written as such, anything else as a string.")] string value,
                CancellationToken ct) =>
            {
                var change = await values.SetValueAsync(context.Application, file, yamlPath, value, context.StepKey, ct);
                return new ToolOutput(change, change.Summary);
            });

        yield return AgentToolbox.Function("chart_bump_version",
            "Bumps the semantic version in the chart's Chart.yaml (major: 1.4.2 → 2.0.0, minor → 1.5.0, patch → 1.4.3), committed and pushed. Returns the commit SHA.",
            mutates: true,
            async ([Description("Which part to bump: major, minor or patch.")] string part, CancellationToken ct) =>
            {
                var change = await values.BumpChartVersionAsync(context.Application, ParsePart(part), context.StepKey, ct);
                return new ToolOutput(change, change.Summary);
            });
    }

    internal static SemverPart ParsePart(string part) =>
        part.All(char.IsAsciiLetter) && Enum.TryParse<SemverPart>(part, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new ArgumentException($"part must be major, minor or patch, got '{part}'.", nameof(part));
}
