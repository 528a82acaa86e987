using System.ComponentModel;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Core.Workflow;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary><c>operator_*</c>, <c>cluster_health</c> and <c>commit_status</c>: what the operator applied and how it runs.</summary>
internal static class ClusterFunctions
{
    public static IEnumerable<KernelFunction> Create(IOperatorTool op, IClusterTool cluster, ICommitStatusTool statuses, WorkflowSettings settings, AgentRunContext context, TimeProvider time)
    {
        var app = context.Application;
        yield return AgentToolbox.Function("operator_sync",
            "Syncs the cluster to Git at a revision (the branch head when omitted): the operator applies exactly what Git says. Returns whether it succeeded and how many objects changed.",
            mutates: true,
            async ([Description("The commit SHA to sync to, e.g. the deploy or revert commit; omit for the branch head.")] string? revision = null, CancellationToken ct = default) =>
            {
                var result = await op.SyncAsync(app, revision, context.InitiatedBy, ct);
                var changed = result.Resources.Count(r => r.Outcome is not ResourceSyncOutcome.Unchanged);
                var summary = new SyncSummary(result.Revision, result.Succeeded, result.Message, changed, result.Resources.Count);
                return new ToolOutput(summary, result.Succeeded ? $"Synced {CommitSha.Abbreviate(result.Revision ?? "head")}: {changed} of {result.Resources.Count} objects changed" : $"Sync failed: {result.Message}",
                    result.Succeeded, string.Join('\n', result.Resources.Select(r => $"{r.Resource.Kind}/{r.Resource.Name}: {r.Outcome}")));
            });

        yield return AgentToolbox.Function("operator_status",
            "Reads the application's sync status (Synced, OutOfSync, Unknown) against the branch head, its health and every object it owns.",
            mutates: false,
            async (CancellationToken ct) =>
            {
                var status = await op.StatusAsync(app, ct);
                return new ToolOutput(status, $"{app.Name} is {status.Sync} and {status.Health}");
            });

        yield return AgentToolbox.Function("operator_diff",
            "Compares what Git says (at a revision; the branch head when omitted) with the live cluster, object by object, listing the fields that differ.",
            mutates: false,
            async ([Description("The commit SHA to compare with; omit for the branch head.")] string? revision = null, CancellationToken ct = default) =>
            {
                var diffs = await op.DiffAsync(app, revision, ct);
                var changed = diffs.Where(d => !d.InSync)
                    .Select(d => $"{d.Resource.Kind}/{d.Resource.Name}: {d.Kind}{string.Concat(d.Fields.Select(f => $" {f.Path} {f.Live ?? "(absent)"} -> {f.Desired}"))}").ToList();
                return new ToolOutput(changed, changed.Count == 0 ? "The cluster equals Git" : $"{changed.Count} objects differ from Git");
            });

        yield return AgentToolbox.Function("cluster_health",
            "Reads the rollout health of the application (Healthy, Progressing, Degraded, Suspended, Missing, Unknown) with its reason, waiting up to waitSeconds for it to settle at Healthy or Degraded.",
            mutates: false,
            async ([Description("Seconds to wait for Healthy or Degraded (0 = read now; default: the application's health timeout).")] int? waitSeconds = null, CancellationToken ct = default) =>
            {
                var wait = waitSeconds ?? app.HealthTimeoutSeconds;
                if (wait < 0 || wait > app.HealthTimeoutSeconds)
                {
                    throw new ArgumentOutOfRangeException(nameof(waitSeconds), $"waitSeconds must be between 0 and {app.HealthTimeoutSeconds}, got {wait}.");
                }

                var health = wait == 0 ? await cluster.HealthAsync(app, ct)
                    : await HealthWait.UntilSettledAsync(cluster, app, TimeSpan.FromSeconds(wait), settings.HealthPollInterval, time, ct);
                return new ToolOutput(health, health.Status == HealthStatus.Healthy ? $"{app.Name} is Healthy" : $"{app.Name} is {health.Status}: {health.Message}",
                    health.Status == HealthStatus.Healthy);
            });

        yield return AgentToolbox.Function("commit_status",
            "Reads the commit statuses (checks) the Git host shows beside a commit, newest per context.",
            mutates: false,
            async ([Description("The full commit SHA.")] string commit, CancellationToken ct) =>
            {
                var list = await statuses.GetStatusesAsync(app, commit, ct);
                return new ToolOutput(list, $"{list.Count} statuses on {CommitSha.Abbreviate(commit)}");
            });
    }
}
