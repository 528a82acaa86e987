using System.Text.Json.Nodes;

namespace GitOpsConsole.Core.Operator;

/// <summary>
/// A Pod's health with Argo CD's rules: for restart-always pods a container waiting with an error reason
/// (Err*, *Error, *BackOff — CrashLoopBackOff, ImagePullBackOff, ErrImagePull…) is Degraded whatever the
/// phase; otherwise the phase decides, and a running pod is Healthy only when Ready.
/// </summary>
public static class PodHealth
{
    public static HealthResult Assess(JsonObject pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var restartPolicy = JsonRead.Str(pod, "spec", "restartPolicy") ?? "Always";
        var containers = JsonRead.Objects(pod, "status", "containerStatuses").ToList();

        // Pods with a finite life (hooks, jobs) may legitimately wait on a pull; only long-running pods are judged by it.
        if (restartPolicy == "Always")
        {
            var failing = containers
                .Select(c => (Name: JsonRead.Str(c, "name"), Waiting: JsonRead.Node(c, "state", "waiting")))
                .Where(c => IsErrorReason(JsonRead.Str(c.Waiting, "reason")))
                .Select(c => Describe(c.Name, JsonRead.Str(c.Waiting, "reason")!, JsonRead.Str(c.Waiting, "message")))
                .ToList();
            if (failing.Count > 0)
            {
                return HealthResult.Degraded(string.Join("; ", failing));
            }
        }

        var message = JsonRead.Str(pod, "status", "message") ?? "";
        return JsonRead.Str(pod, "status", "phase") switch
        {
            "Pending" => HealthResult.Progressing(message.Length > 0 ? message : "Pod is pending"),
            "Succeeded" => HealthResult.Healthy(message),
            "Failed" => HealthResult.Degraded(message.Length > 0 ? message : "Pod failed"),
            "Running" => Running(pod, restartPolicy, containers),
            _ => new HealthResult(Domain.HealthStatus.Unknown, "Pod reports no known phase"),
        };
    }

    private static HealthResult Running(JsonObject pod, string restartPolicy, List<JsonObject> containers)
    {
        if (restartPolicy != "Always")
        {
            // A run-to-completion pod that is still running has not reached its outcome yet.
            return HealthResult.Progressing("Pod is running to completion");
        }

        var ready = JsonRead.Objects(pod, "status", "conditions")
            .Any(c => JsonRead.Str(c, "type") == "Ready" && JsonRead.Str(c, "status") == "True");
        if (ready)
        {
            return HealthResult.Healthy("Running");
        }

        var crashed = containers.FirstOrDefault(c => JsonRead.Node(c, "lastState", "terminated") is not null);
        return crashed is null
            ? HealthResult.Progressing("Pod is running but not ready")
            : HealthResult.Degraded($"Container {JsonRead.Str(crashed, "name")} terminated and the pod is not ready");
    }

    private static bool IsErrorReason(string? reason) =>
        reason is not null
        && (reason.StartsWith("Err", StringComparison.Ordinal)
            || reason.EndsWith("Error", StringComparison.Ordinal)
            || reason.EndsWith("BackOff", StringComparison.Ordinal));

    private static string Describe(string? container, string reason, string? message) =>
        string.IsNullOrEmpty(message) ? $"container {container}: {reason}" : $"container {container}: {reason}: {message}";
}
