using System.Net;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GitOpsConsole.Integrations.Kubernetes;

/// <summary>
/// <c>cluster.events</c> and <c>cluster.logs</c> through KubernetesClient: core/v1 Events and the pods/log subresource of
/// the application's namespace, on the real cluster or the sandbox emulator alike. Nothing outside that namespace is read.
/// </summary>
public sealed class KubernetesDiagnosticsTool(Func<IKubernetes?> client) : IClusterDiagnosticsTool
{
    private IKubernetes Client => client() ?? throw new InvalidOperationException("There is no cluster to read: GitOps:Kubernetes is not set and the sandbox is off or failed to start.");

    public async Task<IReadOnlyList<ClusterEvent>> EventsAsync(Application app, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var events = await Client.CoreV1.ListNamespacedEventAsync(app.Namespace, cancellationToken: cancellationToken);
        return [.. events.Items
            .Select(e => new ClusterEvent(e.Type ?? "Normal", e.Reason ?? "", $"{e.InvolvedObject?.Kind}/{e.InvolvedObject?.Name}", e.Message ?? "", e.Count ?? 1, LastSeen(e)))
            .OrderByDescending(e => e.LastSeen)
            .Take(limit)];
    }

    public async Task<PodLog> LogsAsync(Application app, string? pod, int tailLines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var target = await FindPodAsync(app, pod, cancellationToken);
        var name = target.Metadata.Name;
        var logs = new List<ContainerLog>();
        foreach (var container in target.Spec.Containers)
        {
            var previous = PodChoice.ShowsPreviousRun(target, container.Name);
            logs.Add(new ContainerLog(container.Name, previous, await ReadAsync(app, name, container.Name, previous, tailLines, cancellationToken)));
        }

        return new PodLog(name, logs);
    }

    private async Task<V1Pod> FindPodAsync(Application app, string? pod, CancellationToken cancellationToken)
    {
        var pods = (await Client.CoreV1.ListNamespacedPodAsync(app.Namespace, cancellationToken: cancellationToken)).Items;
        if (pod is null)
        {
            return PodChoice.LeastHealthy(pods) ?? throw new InvalidOperationException($"{app.Name} has no pods in namespace {app.Namespace}.");
        }

        return pods.FirstOrDefault(p => p.Metadata.Name == pod) ?? throw PodChoice.Unknown(pod, app.Name, $"namespace {app.Namespace}", pods.Select(p => p.Metadata.Name));
    }

    private async Task<IReadOnlyList<string>> ReadAsync(Application app, string pod, string container, bool previous, int tailLines, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = await Client.CoreV1.ReadNamespacedPodLogAsync(pod, app.Namespace, container: container, previous: previous, tailLines: tailLines, cancellationToken: cancellationToken);
            using var reader = new StreamReader(stream);
            var lines = (await reader.ReadToEndAsync(cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // A server that ignores tailLines still gives no more than was asked.
            return lines.Length <= tailLines ? lines : lines[^tailLines..];
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.BadRequest)
        {
            // "waiting to start: trying and failing to pull image" is the answer, not a failure of the tool.
            return [$"(no log: {Status.Message(ex.Response.Content)})"];
        }
    }

    private static DateTimeOffset? LastSeen(Corev1Event e) =>
        (e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp ?? e.Metadata?.CreationTimestamp) is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    /// <summary>The message of a Kubernetes Status body, or the body itself.</summary>
    private static class Status
    {
        public static string Message(string? body)
        {
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(body ?? "");
                return json.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? "" : body ?? "";
            }
            catch (System.Text.Json.JsonException)
            {
                return body ?? "";
            }
        }
    }
}
