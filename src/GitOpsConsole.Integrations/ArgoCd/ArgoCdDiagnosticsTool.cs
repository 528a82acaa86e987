using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.Kubernetes;
using k8s;
using k8s.Models;

namespace GitOpsConsole.Integrations.ArgoCd;

/// <summary>
/// <c>cluster.events</c> and <c>cluster.logs</c> of an application Argo CD deploys, read through Argo CD: its events,
/// its resource tree's pods and their logs come from the application's destination cluster, which may not be the
/// cluster the console can reach. The same choices as on a cluster read directly: the least healthy pod, and the
/// crashed run of a container waiting to restart.
/// </summary>
public sealed class ArgoCdDiagnosticsTool(ArgoCdClient client, Func<Application, string> argoName) : IClusterDiagnosticsTool
{
    // Choosing the least healthy pod reads each pod (at once); unhealthy ones come first and at most this many in all.
    private const int PodsRead = 20;

    public async Task<IReadOnlyList<ClusterEvent>> EventsAsync(Application app, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var events = await client.EventsAsync(argoName(app), cancellationToken);
        return [.. events
            .Select(e => new ClusterEvent(e.Type.Length > 0 ? e.Type : "Normal", e.Reason, $"{e.InvolvedKind}/{e.InvolvedName}", e.Message, e.Count, e.LastTimestamp))
            .OrderByDescending(e => e.LastSeen)
            .Take(limit)];
    }

    public async Task<PodLog> LogsAsync(Application app, string? pod, int tailLines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var name = argoName(app);
        var (node, target) = await FindPodAsync(app, name, pod, cancellationToken);
        var logs = new List<ContainerLog>();
        foreach (var container in target.Spec.Containers)
        {
            var previous = PodChoice.ShowsPreviousRun(target, container.Name);
            logs.Add(new ContainerLog(container.Name, previous, await ReadAsync(name, node, container.Name, previous, tailLines, cancellationToken)));
        }

        return new PodLog(node.Name, logs);
    }

    private async Task<(ArgoTreeNode Node, V1Pod Pod)> FindPodAsync(Application app, string name, string? pod, CancellationToken cancellationToken)
    {
        var pods = (await client.ResourceTreeAsync(name, cancellationToken)).Where(n => n.Kind == "Pod" && n.Group.Length == 0).ToList();
        if (pod is not null)
        {
            var node = pods.FirstOrDefault(n => n.Name == pod) ?? throw PodChoice.Unknown(pod, app.Name, $"Argo CD application {name}", pods.Select(n => n.Name));
            return (node, await PodAsync(name, node, cancellationToken));
        }

        var candidates = pods.OrderBy(n => n.HealthStatus == "Healthy").ThenBy(n => n.Name, StringComparer.Ordinal).Take(PodsRead).ToList();
        var read = candidates.Zip(await Task.WhenAll(candidates.Select(node => PodAsync(name, node, cancellationToken)))).ToList();

        var chosen = PodChoice.LeastHealthy(read.Select(r => r.Second)) ?? throw new InvalidOperationException($"{app.Name} has no pods in Argo CD application {name}.");
        return read.First(r => ReferenceEquals(r.Second, chosen));
    }

    private async Task<V1Pod> PodAsync(string name, ArgoTreeNode node, CancellationToken cancellationToken) =>
        KubernetesJson.Deserialize<V1Pod>((await client.ResourceAsync(name, node, cancellationToken)).ToJsonString());

    private async Task<IReadOnlyList<string>> ReadAsync(string name, ArgoTreeNode node, string container, bool previous, int tailLines, CancellationToken cancellationToken)
    {
        try
        {
            var lines = await client.PodLogsAsync(name, node.Namespace, node.Name, container, tailLines, previous, cancellationToken);
            // A server that ignores tailLines still gives no more than was asked.
            return lines.Count <= tailLines ? lines : [.. lines.Skip(lines.Count - tailLines)];
        }
        catch (InvalidOperationException ex)
        {
            // "container is waiting to start" is the answer, not a failure of the tool.
            return [$"(no log: {ex.Message})"];
        }
    }
}
