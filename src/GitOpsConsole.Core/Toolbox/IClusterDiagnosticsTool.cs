using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Toolbox;

/// <summary><c>cluster.events</c> and <c>cluster.logs</c>: what the cluster says about the application's objects, read-only.</summary>
public interface IClusterDiagnosticsTool
{
    /// <summary>The newest events of the application's namespace, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ClusterEvent>> EventsAsync(Application app, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The last <paramref name="tailLines"/> lines of each container of a pod in the application's namespace; a container
    /// waiting to restart (CrashLoopBackOff) shows its previous run's log. <paramref name="pod"/> null = the pod that is
    /// least healthy (not ready, most restarts).
    /// </summary>
    Task<PodLog> LogsAsync(Application app, string? pod, int tailLines, CancellationToken cancellationToken = default);
}

/// <param name="Type">Normal or Warning.</param>
/// <param name="Involved">The object it is about, as <c>Kind/name</c>.</param>
public sealed record ClusterEvent(string Type, string Reason, string Involved, string Message, int Count, DateTimeOffset? LastSeen);

/// <param name="Containers">One entry per container, in the pod's order.</param>
public sealed record PodLog(string Pod, IReadOnlyList<ContainerLog> Containers);

/// <param name="Previous">True when the lines are from the container's previous (crashed) run.</param>
public sealed record ContainerLog(string Container, bool Previous, IReadOnlyList<string> Lines);
