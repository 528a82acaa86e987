using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Selectors;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>The autoscaling/v1 Scale view of a workload's replicas.</summary>
internal static class ScaleSubresource
{
    public static JsonObject From(JsonObject workload)
    {
        var metadata = workload["metadata"] as JsonObject ?? [];
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = metadata["name"]?.DeepClone(),
                ["namespace"] = metadata["namespace"]?.DeepClone(),
                ["uid"] = metadata["uid"]?.DeepClone(),
                ["resourceVersion"] = metadata["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = metadata["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = Meta.Long(workload["spec"]?["replicas"]) },
            ["status"] = new JsonObject
            {
                ["replicas"] = Meta.Long(workload["status"]?["replicas"]),
                ["selector"] = SelectorConverter.ToQuery(workload["spec"]?["selector"] as JsonObject),
            },
        };
    }

    /// <summary>Writes the scale's desired replicas (and its resourceVersion precondition) into the workload.</summary>
    public static JsonObject Into(JsonObject workload, JsonObject scale)
    {
        JsonOps.Ensure(workload, "spec")["replicas"] = Meta.Long(scale["spec"]?["replicas"]);
        var metadata = Meta.Metadata(workload);
        if (Meta.Str(scale["metadata"], "resourceVersion") is { Length: > 0 } rv)
        {
            metadata["resourceVersion"] = rv;
        }
        return workload;
    }
}
