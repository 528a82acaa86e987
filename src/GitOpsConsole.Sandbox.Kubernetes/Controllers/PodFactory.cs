using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>Builds a pod from a workload's pod template, owned by the workload.</summary>
internal static class PodFactory
{
    public static JsonObject FromTemplate(ResourceType ownerType, StoredObject owner, string? name, string? generateName, Action<JsonObject>? labels = null)
    {
        var template = owner.Node["spec"]?["template"] as JsonObject ?? [];
        var metadata = template["metadata"]?.DeepClone() as JsonObject ?? [];
        metadata.Remove("name");
        metadata.Remove("creationTimestamp");
        if (name is not null)
        {
            metadata["name"] = name;
        }
        else
        {
            metadata["generateName"] = generateName;
        }
        metadata["namespace"] = owner.Namespace;
        metadata["ownerReferences"] = ControllerTools.ControllerReference(ownerType, owner);
        var podLabels = metadata["labels"] as JsonObject ?? [];
        metadata["labels"] = podLabels;
        labels?.Invoke(podLabels);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }
}
