using System.ComponentModel;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary><c>cluster_events</c> and <c>cluster_logs</c>: why a rollout is unhealthy, read from the application's namespace.</summary>
internal static class DiagnosticsFunctions
{
    internal const int EventLimit = 30;
    internal const int MaxTailLines = 200;

    public static IEnumerable<KernelFunction> Create(IClusterDiagnosticsTool diagnostics, AgentRunContext context)
    {
        var app = context.Application;
        yield return AgentToolbox.Function("cluster_events",
            $"Lists the newest Kubernetes events (at most {EventLimit}, newest first) of the application's namespace: pulls, starts, back-offs, failed scheduling, with type (Normal or Warning), reason, object and how often it happened.",
            mutates: false,
            async (CancellationToken ct) =>
            {
                var events = await diagnostics.EventsAsync(app, EventLimit, ct);
                var warnings = events.Count(e => e.Type == "Warning");
                return new ToolOutput(events, $"{events.Count} events in {app.Namespace}, {warnings} warnings",
                    Log: string.Join('\n', events.Select(e => $"{e.LastSeen:u} {e.Type} {e.Reason} {e.Involved}: {e.Message} (x{e.Count})")));
            });

        yield return AgentToolbox.Function("cluster_logs",
            "Reads the last lines of a pod's container logs in the application's namespace; a crash-looping container shows the log of the run that crashed. Without a pod, reads the least healthy pod (not ready, most restarts).",
            mutates: false,
            async ([Description("The pod name, as cluster_health or cluster_events name it; omit for the least healthy pod.")] string? pod = null,
                [Description("How many lines from the end of each container's log (1 to 200, default 50).")] int tailLines = 50,
                CancellationToken ct = default) =>
            {
                if (tailLines is < 1 or > MaxTailLines)
                {
                    throw new ArgumentOutOfRangeException(nameof(tailLines), $"tailLines must be between 1 and {MaxTailLines}, got {tailLines}.");
                }

                var log = await diagnostics.LogsAsync(app, pod, tailLines, ct);
                return new ToolOutput(log, $"Logs of {log.Pod}: {log.Containers.Sum(c => c.Lines.Count)} lines",
                    Log: string.Join('\n', log.Containers.SelectMany(c => c.Lines.Select(l => $"[{c.Container}{(c.Previous ? " previous" : "")}] {l}"))));
            });
    }
}
