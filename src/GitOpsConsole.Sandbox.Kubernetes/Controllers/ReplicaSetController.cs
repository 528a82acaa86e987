using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>Keeps a ReplicaSet's pod count at spec.replicas and reports replicas, ready and available counts.</summary>
internal sealed class ReplicaSetController(ServerContext context, ObjectWriter writer, ObjectDeleter deleter, EventRecorder events) : IReconciler
{
    private static readonly WriteRequest Manager = WriteRequest.Controller("kube-controller-manager");
    private static readonly WriteRequest StatusManager = new("kube-controller-manager", "status");

    public string Name => "replicaset";

    public TimeSpan? Reconcile(string ns, string name)
    {
        var rs = context.Store.Get(BuiltInResources.ReplicaSet.StorageKey, ns, name);
        if (rs is null || Meta.IsTerminating(rs.Node))
        {
            return null;
        }
        var pods = ControllerTools.Owned(context.Store, BuiltInResources.Pod, rs.Uid);
        var desired = ControllerTools.Replicas(rs.Node);
        for (var i = pods.Count; i < desired; i++)
        {
            var pod = writer.Create(BuiltInResources.Pod, ns, PodFactory.FromTemplate(BuiltInResources.ReplicaSet, rs, null, name + "-"), Manager);
            events.Normal(BuiltInResources.ReplicaSet, rs, "SuccessfulCreate", $"Created pod: {pod.Name}", "replicaset-controller");
            pods.Add(pod);
        }
        if (pods.Count > desired)
        {
            // Like the real controller: unscheduled, then not ready, then the newest go first.
            var victims = pods.OrderBy(p => ControllerTools.IsPodReady(p.Node) ? 1 : 0)
                .ThenByDescending(p => Meta.Str(p.Node["metadata"], "creationTimestamp"), StringComparer.Ordinal)
                .ThenByDescending(p => p.ResourceVersion)
                .Take(pods.Count - desired).ToList();
            foreach (var victim in victims)
            {
                try
                {
                    deleter.Delete(BuiltInResources.Pod, ns, victim.Name, DeleteOptions.Default);
                    events.Normal(BuiltInResources.ReplicaSet, rs, "SuccessfulDelete", $"Deleted pod: {victim.Name}", "replicaset-controller");
                }
                catch (ApiException e) when (e.Code == 404)
                {
                    // Already deleted.
                }
                pods.Remove(victim);
            }
        }
        var ready = pods.Where(p => ControllerTools.IsPodReady(p.Node)).ToList();
        var (available, recheck) = Availability(rs, ready);
        var status = new JsonObject
        {
            ["replicas"] = pods.Count,
            ["fullyLabeledReplicas"] = pods.Count,
            ["readyReplicas"] = ready.Count,
            ["availableReplicas"] = available,
            ["observedGeneration"] = Meta.Generation(rs.Node),
        };
        var current = context.Store.Get(BuiltInResources.ReplicaSet.StorageKey, ns, name);
        if (current is not null && !JsonNode.DeepEquals(current.Node["status"], status))
        {
            writer.Mutate(BuiltInResources.ReplicaSet, ns, name, node =>
            {
                node!["status"] = status;
                return node;
            }, StatusManager, checkResourceVersion: false);
        }
        return recheck;
    }

    // A pod counts as available once it has been ready for minReadySeconds; until then, look again when it will be.
    private (int Available, TimeSpan? Recheck) Availability(StoredObject rs, List<StoredObject> ready)
    {
        var minReady = TimeSpan.FromSeconds(Meta.Int(rs.Node["spec"]?["minReadySeconds"], 0));
        if (minReady <= TimeSpan.Zero)
        {
            return (ready.Count, null);
        }
        var now = context.Time.GetUtcNow();
        var available = 0;
        TimeSpan? recheck = null;
        foreach (var pod in ready)
        {
            var since = Meta.ParseTime(ControllerTools.Condition(pod.Node["status"], "Ready")?["lastTransitionTime"]) ?? now;
            var wait = since + minReady - now;
            if (wait <= TimeSpan.Zero)
            {
                available++;
            }
            else if (recheck is null || wait < recheck)
            {
                recheck = wait;
            }
        }
        return (available, recheck);
    }
}
