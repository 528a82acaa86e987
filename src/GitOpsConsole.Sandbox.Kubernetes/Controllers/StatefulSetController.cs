using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>
/// StatefulSet → pods name-0…name-(n-1): created in order (each waits for the previous to be Ready
/// under OrderedReady), removed from the highest ordinal, and replaced one at a time from the
/// highest ordinal when the template changes.
/// </summary>
internal sealed class StatefulSetController(ServerContext context, ObjectWriter writer, ObjectDeleter deleter, EventRecorder events) : IReconciler
{
    private const string RevisionLabel = "controller-revision-hash";
    private static readonly WriteRequest Manager = WriteRequest.Controller("kube-controller-manager");
    private static readonly WriteRequest StatusManager = new("kube-controller-manager", "status");

    public string Name => "statefulset";

    public TimeSpan? Reconcile(string ns, string name)
    {
        var set = context.Store.Get(BuiltInResources.StatefulSet.StorageKey, ns, name);
        if (set is null || Meta.IsTerminating(set.Node))
        {
            return null;
        }
        var revision = $"{name}-{TemplateHash.Of(set.Node["spec"]?["template"])}";
        var desired = ControllerTools.Replicas(set.Node);
        var ordered = Meta.Str(set.Node["spec"], "podManagementPolicy") != "Parallel";
        var pods = ControllerTools.Owned(context.Store, BuiltInResources.Pod, set.Uid, includeTerminating: true)
            .ToDictionary(p => Ordinal(p.Name, name), p => p);
        for (var i = 0; i < desired; i++)
        {
            if (pods.ContainsKey(i))
            {
                continue;
            }
            if (ordered && Enumerable.Range(0, i).Any(j => !pods.TryGetValue(j, out var p) || !ControllerTools.IsPodReady(p.Node)))
            {
                break;
            }
            var podName = string.Create(CultureInfo.InvariantCulture, $"{name}-{i}");
            var pod = writer.Create(BuiltInResources.Pod, ns, PodFactory.FromTemplate(BuiltInResources.StatefulSet, set, podName, null, labels =>
            {
                labels["statefulset.kubernetes.io/pod-name"] = podName;
                labels["apps.kubernetes.io/pod-index"] = i.ToString(CultureInfo.InvariantCulture);
                labels[RevisionLabel] = revision;
            }), Manager);
            events.Normal(BuiltInResources.StatefulSet, set, "SuccessfulCreate", $"create Pod {podName} in StatefulSet {name} successful", "statefulset-controller");
            pods[i] = pod;
        }
        var surplus = pods.Keys.Where(i => i >= desired).OrderDescending().ToList();
        foreach (var ordinal in ordered ? surplus.Take(1) : surplus)
        {
            Delete(set, pods[ordinal]);
            pods.Remove(ordinal);
        }
        var allReady = pods.Count == desired && pods.Values.All(p => ControllerTools.IsPodReady(p.Node));
        var outdated = pods.Where(p => Meta.Str(p.Value.Node["metadata"]?["labels"], RevisionLabel) != revision).OrderByDescending(p => p.Key).ToList();
        if (surplus.Count == 0 && allReady && outdated.Count > 0)
        {
            Delete(set, outdated[0].Value);
        }
        WriteStatus(set, pods.Values.ToList(), revision);
        return null;
    }

    private void Delete(StoredObject set, StoredObject pod)
    {
        try
        {
            deleter.Delete(BuiltInResources.Pod, pod.Namespace, pod.Name, DeleteOptions.Default);
            events.Normal(BuiltInResources.StatefulSet, set, "SuccessfulDelete", $"delete Pod {pod.Name} in StatefulSet {set.Name} successful", "statefulset-controller");
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }

    private void WriteStatus(StoredObject set, List<StoredObject> pods, string revision)
    {
        var live = pods.Where(p => context.Store.Get(p.StorageKey, p.Namespace, p.Name) is not null).ToList();
        var ready = live.Count(p => ControllerTools.IsPodReady(p.Node));
        var updated = live.Count(p => Meta.Str(p.Node["metadata"]?["labels"], RevisionLabel) == revision);
        var status = new JsonObject
        {
            ["observedGeneration"] = Meta.Generation(set.Node),
            ["replicas"] = live.Count,
            ["readyReplicas"] = ready,
            ["currentReplicas"] = updated,
            ["updatedReplicas"] = updated,
            ["availableReplicas"] = ready,
            ["currentRevision"] = revision,
            ["updateRevision"] = revision,
        };
        if (!JsonNode.DeepEquals(status, set.Node["status"]))
        {
            writer.Mutate(BuiltInResources.StatefulSet, set.Namespace, set.Name, node =>
            {
                node!["status"] = status;
                return node;
            }, StatusManager, checkResourceVersion: false);
        }
    }

    private static int Ordinal(string podName, string setName) =>
        int.TryParse(podName.AsSpan(setName.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue;
}
