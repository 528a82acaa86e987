using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>
/// The scheduler and kubelet of the single sandbox node: binds pods, "pulls" images through the
/// image catalog and drives container states, pod phase, conditions and events.
/// </summary>
internal sealed class Kubelet(ServerContext context, ObjectWriter writer, EventRecorder events, IImageCatalog? catalog, TimeSpan? startupOverride) : IReconciler
{
    public const string NodeName = "sandbox-node";
    private static readonly WriteRequest Scheduler = WriteRequest.Controller("default-scheduler");
    private static readonly WriteRequest StatusWriter = new("kubelet", "status");
    private readonly ConcurrentDictionary<(string Uid, string Container), PullState> _pulls = new();

    public string Name => "kubelet";

    public TimeSpan? Reconcile(string ns, string name)
    {
        var pod = context.Store.Get(BuiltInResources.Pod.StorageKey, ns, name);
        if (pod is null || Meta.IsTerminating(pod.Node))
        {
            return null;
        }
        if (string.IsNullOrEmpty(Meta.Str(pod.Node["spec"], "nodeName")))
        {
            var bound = writer.Mutate(BuiltInResources.Pod, ns, name, node =>
            {
                node!["spec"]!["nodeName"] = NodeName;
                return node;
            }, Scheduler, checkResourceVersion: false);
            events.Normal(BuiltInResources.Pod, bound, "Scheduled", $"Successfully assigned {ns}/{name} to {NodeName}", "default-scheduler");
            return TimeSpan.Zero;
        }
        var now = context.Time.GetUtcNow();
        var spec = pod.Node["spec"] as JsonObject ?? [];
        var restartPolicy = Meta.Str(spec, "restartPolicy") ?? "Always";
        var previous = (pod.Node["status"]?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(s => Meta.Str(s, "name") ?? "", StringComparer.Ordinal);
        var statuses = new JsonArray();
        DateTimeOffset? nextDue = null;
        foreach (var container in (spec["containers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var step = Advance(pod, container, previous, restartPolicy, now);
            statuses.Add(step.Status.Parent is null ? step.Status : step.Status.DeepClone());
            if (step.NextDue is { } due && (nextDue is null || due < nextDue))
            {
                nextDue = due;
            }
        }
        var status = PodStatusBuilder.Build(pod.Node, statuses, restartPolicy, now);
        if (!JsonNode.DeepEquals(status, pod.Node["status"]))
        {
            try
            {
                writer.Mutate(BuiltInResources.Pod, ns, name, node =>
                {
                    node!["status"] = status;
                    return node;
                }, StatusWriter, checkResourceVersion: false);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                return null;
            }
        }
        return nextDue is { } next ? (next > now ? next - now : TimeSpan.Zero) : null;
    }

    /// <summary>Forgets pull back-off for a pod that is gone.</summary>
    public void Forget(string uid)
    {
        foreach (var key in _pulls.Keys.Where(k => k.Uid == uid))
        {
            _pulls.TryRemove(key, out _);
        }
    }

    private ContainerStep Advance(StoredObject pod, JsonObject container, Dictionary<string, JsonObject> previous, string restartPolicy, DateTimeOffset now)
    {
        var containerName = Meta.Str(container, "name") ?? "";
        var behavior = catalog?.Find(Meta.Str(container, "image") ?? "");
        var key = (pod.Uid, containerName);
        var step = ContainerLifecycle.Advance(container, previous.GetValueOrDefault(containerName), behavior,
            startupOverride ?? behavior?.StartupTime ?? TimeSpan.Zero, _pulls.GetValueOrDefault(key), restartPolicy, pod.Name, now,
            state =>
            {
                if (state is null)
                {
                    _pulls.TryRemove(key, out _);
                }
                else
                {
                    _pulls[key] = state;
                }
            });
        foreach (var (warning, reason, message) in step.Events)
        {
            if (warning)
            {
                events.Warning(BuiltInResources.Pod, pod, reason, message, "kubelet");
            }
            else
            {
                events.Normal(BuiltInResources.Pod, pod, reason, message, "kubelet");
            }
        }
        return step;
    }
}
