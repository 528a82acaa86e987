using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Operations;

/// <summary>
/// Reactions to committed changes that the API server itself performs: background garbage
/// collection of dependents, and serving (or retiring) the resources a CRD defines.
/// </summary>
internal sealed class ClusterWiring(ServerContext context, ObjectDeleter deleter, ObjectWriter writer)
{
    private static readonly string[] DefaultNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public void Attach() => context.Store.Committed += OnCommitted;

    /// <summary>Registers CRDs found in loaded state and creates the namespaces every cluster has.</summary>
    public void Bootstrap()
    {
        foreach (var crd in context.Store.List(BuiltInResources.CustomResourceDefinition.StorageKey, null).Items)
        {
            context.Registry.SetCustom(crd.Name, CrdTypes.From(crd.Node));
        }
        if (context.Store.Get(BuiltInResources.Node.StorageKey, null, SandboxNode) is null)
        {
            writer.Create(BuiltInResources.Node, null, NodeObject(), WriteRequest.Controller("kubelet"));
        }
        foreach (var ns in DefaultNamespaces)
        {
            if (context.Store.Get(BuiltInResources.Namespace.StorageKey, null, ns) is null)
            {
                writer.Create(BuiltInResources.Namespace, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, WriteRequest.Controller("kube-apiserver"));
            }
        }
    }

    private const string SandboxNode = "sandbox-node";

    // The single node the simulated kubelet runs every pod on; created Ready.
    private JsonObject NodeObject()
    {
        var now = GitOpsConsole.Sandbox.Kubernetes.Json.Meta.Timestamp(context.Time.GetUtcNow());
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = SandboxNode,
                ["labels"] = new JsonObject { ["kubernetes.io/hostname"] = SandboxNode, ["kubernetes.io/os"] = "linux", ["node-role.kubernetes.io/control-plane"] = "" },
            },
            ["spec"] = new JsonObject(),
            ["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True", ["reason"] = "KubeletReady", ["message"] = "kubelet is posting ready status", ["lastHeartbeatTime"] = now, ["lastTransitionTime"] = now }),
                ["addresses"] = new JsonArray(new JsonObject { ["type"] = "InternalIP", ["address"] = "192.168.49.2" }, new JsonObject { ["type"] = "Hostname", ["address"] = SandboxNode }),
                ["nodeInfo"] = new JsonObject { ["kubeletVersion"] = "v1.32.0-sandbox", ["containerRuntimeVersion"] = "containerd://sandbox", ["operatingSystem"] = "linux", ["architecture"] = "amd64", ["osImage"] = "GitOps Console sandbox" },
            },
        };
    }

    private void OnCommitted(WatchEvent change)
    {
        if (change.Object.StorageKey == BuiltInResources.CustomResourceDefinition.StorageKey)
        {
            var removed = change.Type == WatchEventType.Deleted;
            var types = removed ? [] : CrdTypes.From(change.Object.Node);
            if (removed && change.Previous is { } previous)
            {
                RemoveCustomObjects(CrdTypes.From(previous.Node));
            }
            context.Registry.SetCustom(change.Object.Name, types);
        }
        if (change.Type == WatchEventType.Deleted && change.Previous is { } gone)
        {
            deleter.CollectDependents(gone.Uid);
        }
    }

    private void RemoveCustomObjects(IReadOnlyList<ResourceType> types)
    {
        foreach (var type in types.DistinctBy(t => t.StorageKey))
        {
            foreach (var item in context.Store.List(type.StorageKey, null).Items)
            {
                context.Store.Commit(type.StorageKey, item.Namespace, item.Name, c => c is null ? Mutation.Unchanged : Mutation.Delete);
            }
        }
    }
}
