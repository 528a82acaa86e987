using k8s.Models;

namespace GitOpsConsole.Integrations.Kubernetes;

/// <summary>Which pod and which run of a container explain an application's trouble, however the pods were read.</summary>
internal static class PodChoice
{
    /// <summary>The least healthy pod: not ready first, then the most restarts, then by name; null when there is none.</summary>
    public static V1Pod? LeastHealthy(IEnumerable<V1Pod> pods) =>
        pods.OrderBy(p => p.Status?.ContainerStatuses?.All(s => s.Ready) == true)
            .ThenByDescending(p => p.Status?.ContainerStatuses?.Sum(s => s.RestartCount) ?? 0)
            .ThenBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>
    /// True when the container waits to restart (CrashLoopBackOff) after a crashed run: it has no current run, and its
    /// previous run's log is what explains it.
    /// </summary>
    public static bool ShowsPreviousRun(V1Pod pod, string container)
    {
        var status = pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == container);
        return status?.State?.Waiting?.Reason == "CrashLoopBackOff" && status.LastState?.Terminated is not null;
    }

    /// <summary>The error for a pod name that is not among the application's pods.</summary>
    public static InvalidOperationException Unknown(string pod, string app, string where, IEnumerable<string> pods)
    {
        var names = pods.ToList();
        return new InvalidOperationException($"No pod '{pod}' in {app}'s {where}; its pods are: {(names.Count == 0 ? "none" : string.Join(", ", names))}.");
    }
}
