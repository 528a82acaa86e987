using k8s;
using k8s.Models;
using System.Text.Json;

namespace GitOpsConsole.Web.Sandbox;

public sealed record DeploymentRow(string Namespace, string Name, int Desired, int Ready, int Updated, string Images);

public sealed record PodRow(string Namespace, string Name, string Phase, bool Ready, int Restarts, string? Waiting, string Images);

/// <summary>
/// What the Sandbox page does to the sandbox cluster, through KubernetesClient and the kubeconfig the
/// emulator wrote — exactly what kubectl would do, so each action has a kubectl equivalent.
/// </summary>
public sealed class SandboxCluster(SandboxRuntime runtime)
{
    private IKubernetes Client => runtime.Client ?? throw new InvalidOperationException("The sandbox is not running.");

    public async Task<IReadOnlyList<DeploymentRow>> DeploymentsAsync(CancellationToken cancellationToken = default)
    {
        var list = await Client.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: cancellationToken);
        return [.. list.Items
            .OrderBy(d => d.Namespace()).ThenBy(d => d.Name())
            .Select(d => new DeploymentRow(d.Namespace(), d.Name(), d.Spec?.Replicas ?? 1, d.Status?.ReadyReplicas ?? 0,
                d.Status?.UpdatedReplicas ?? 0, string.Join(", ", d.Spec?.Template?.Spec?.Containers?.Select(c => c.Image) ?? [])))];
    }

    public async Task<IReadOnlyList<PodRow>> PodsAsync(CancellationToken cancellationToken = default)
    {
        var list = await Client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: cancellationToken);
        return [.. list.Items
            .OrderBy(p => p.Namespace()).ThenBy(p => p.Name())
            .Select(p => new PodRow(
                p.Namespace(), p.Name(), p.Status?.Phase ?? "Pending",
                p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true,
                p.Status?.ContainerStatuses?.Sum(c => c.RestartCount) ?? 0,
                p.Status?.ContainerStatuses?.Select(c => c.State?.Waiting?.Reason).FirstOrDefault(r => r is not null),
                string.Join(", ", p.Spec?.Containers?.Select(c => c.Image) ?? [])))];
    }

    public Task ScaleAsync(string ns, string name, int replicas, CancellationToken cancellationToken = default) =>
        Client.AppsV1.PatchNamespacedDeploymentScaleAsync(
            Json(new { spec = new { replicas } }, V1Patch.PatchType.MergePatch), name, ns, cancellationToken: cancellationToken);

    /// <summary>A live edit Git does not know about: an environment variable on the first container.</summary>
    public async Task SetEnvironmentAsync(string ns, string name, string variable, string value, CancellationToken cancellationToken = default)
    {
        var deployment = await Client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: cancellationToken);
        var container = deployment.Spec.Template.Spec.Containers[0].Name;
        var patch = new { spec = new { template = new { spec = new { containers = new[] { new { name = container, env = new[] { new { name = variable, value } } } } } } } };
        await Client.AppsV1.PatchNamespacedDeploymentAsync(Json(patch, V1Patch.PatchType.StrategicMergePatch), name, ns, cancellationToken: cancellationToken);
    }

    public Task DeletePodAsync(string ns, string name, CancellationToken cancellationToken = default) =>
        Client.CoreV1.DeleteNamespacedPodAsync(name, ns, cancellationToken: cancellationToken);

    /// <summary>Calls <paramref name="changed"/> whenever a Deployment or Pod changes, until cancelled.</summary>
    public async Task WatchAsync(Func<Task> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        await Task.WhenAll(
            Follow(Client.CoreV1.WatchListPodForAllNamespacesAsync(cancellationToken: cancellationToken), changed, cancellationToken),
            Follow(Client.AppsV1.WatchListDeploymentForAllNamespacesAsync(cancellationToken: cancellationToken), changed, cancellationToken));
    }

    private static async Task Follow<T>(IAsyncEnumerable<(WatchEventType, T)> events, Func<Task> changed, CancellationToken cancellationToken)
    {
        await foreach (var _ in events.WithCancellation(cancellationToken))
        {
            await changed();
        }
    }

    private static V1Patch Json(object patch, V1Patch.PatchType type) => new(JsonSerializer.Serialize(patch), type);
}
