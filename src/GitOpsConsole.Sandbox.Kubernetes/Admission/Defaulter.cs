using System.Text;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Registry;

namespace GitOpsConsole.Sandbox.Kubernetes.Admission;

/// <summary>
/// The defaults the real API server fills in that clients and controllers rely on (replicas,
/// rollout strategy, restart policy, service cluster IPs, secret stringData).
/// </summary>
internal static class Defaulter
{
    public static void Apply(ResourceType type, JsonObject obj, bool creating, ClusterIpAllocator ips)
    {
        if (!type.IsCustom)
        {
            // Typed decoding in the real server drops JSON nulls (creationTimestamp: null in templates, for one).
            PruneNulls(obj);
        }
        var spec = obj["spec"] as JsonObject;
        switch (type.Kind)
        {
            case "Namespace" when type.Group.Length == 0:
                JsonOps.Ensure(obj, "status")["phase"] ??= "Active";
                JsonOps.Ensure(obj, "metadata", "labels")["kubernetes.io/metadata.name"] = Meta.Name(obj);
                break;
            case "Pod" when type.Group.Length == 0:
                PodSpec(JsonOps.Ensure(obj, "spec"));
                if (creating)
                {
                    obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
                }
                break;
            case "Deployment":
                spec = JsonOps.Ensure(obj, "spec");
                spec["replicas"] ??= 1;
                spec["revisionHistoryLimit"] ??= 10;
                spec["progressDeadlineSeconds"] ??= 600;
                var strategy = JsonOps.Ensure(spec, "strategy");
                strategy["type"] ??= "RollingUpdate";
                if (strategy["type"]?.ToString() == "RollingUpdate")
                {
                    var rolling = JsonOps.Ensure(strategy, "rollingUpdate");
                    rolling["maxSurge"] ??= "25%";
                    rolling["maxUnavailable"] ??= "25%";
                }
                TemplateSpec(spec);
                break;
            case "ReplicaSet":
                spec = JsonOps.Ensure(obj, "spec");
                spec["replicas"] ??= 1;
                TemplateSpec(spec);
                break;
            case "StatefulSet":
                spec = JsonOps.Ensure(obj, "spec");
                spec["replicas"] ??= 1;
                spec["podManagementPolicy"] ??= "OrderedReady";
                spec["revisionHistoryLimit"] ??= 10;
                JsonOps.Ensure(spec, "updateStrategy")["type"] ??= "RollingUpdate";
                TemplateSpec(spec);
                break;
            case "Job":
                Job(obj);
                break;
            case "Service" when spec is not null:
                Service(spec, ips);
                break;
            case "Secret" when type.Group.Length == 0:
                Secret(obj);
                break;
            case "CustomResourceDefinition" when creating:
                CrdTypes.SetEstablishedStatus(obj, Meta.Str(obj["metadata"], "creationTimestamp") ?? "");
                break;
        }
    }

    private static void TemplateSpec(JsonObject spec) => PodSpec(JsonOps.Ensure(spec, "template", "spec"));

    private static void PodSpec(JsonObject podSpec)
    {
        podSpec["restartPolicy"] ??= "Always";
        podSpec["dnsPolicy"] ??= "ClusterFirst";
        podSpec["schedulerName"] ??= "default-scheduler";
        podSpec["terminationGracePeriodSeconds"] ??= 30;
        foreach (var container in (podSpec["containers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var image = container["image"]?.ToString() ?? "";
            var tagged = image.LastIndexOf(':') > image.LastIndexOf('/');
            container["imagePullPolicy"] ??= !tagged || image.EndsWith(":latest", StringComparison.Ordinal) ? "Always" : "IfNotPresent";
            container["terminationMessagePath"] ??= "/dev/termination-log";
            container["terminationMessagePolicy"] ??= "File";
            // Typed clients always send resources (a non-pointer struct); defaulting it keeps templates comparable.
            container["resources"] ??= new JsonObject();
            foreach (var port in (container["ports"] as JsonArray ?? []).OfType<JsonObject>())
            {
                port["protocol"] ??= "TCP";
            }
        }
    }

    private static void PruneNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    o.Remove(key);
                }
                foreach (var (_, child) in o)
                {
                    PruneNulls(child);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    PruneNulls(child);
                }
                break;
        }
    }

    private static void Job(JsonObject obj)
    {
        var spec = JsonOps.Ensure(obj, "spec");
        spec["parallelism"] ??= 1;
        spec["completions"] ??= 1;
        spec["backoffLimit"] ??= 6;
        var uid = Meta.Uid(obj);
        var name = Meta.Name(obj);
        if (spec["selector"] is null && uid.Length > 0)
        {
            spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid } };
            var labels = JsonOps.Ensure(spec, "template", "metadata", "labels");
            labels["batch.kubernetes.io/controller-uid"] = uid;
            labels["controller-uid"] = uid;
            labels["batch.kubernetes.io/job-name"] = name;
            labels["job-name"] = name;
        }
        var podSpec = JsonOps.Ensure(spec, "template", "spec");
        podSpec["restartPolicy"] ??= "Never";
        PodSpec(podSpec);
    }

    private static void Service(JsonObject spec, ClusterIpAllocator ips)
    {
        spec["type"] ??= "ClusterIP";
        spec["sessionAffinity"] ??= "None";
        if (spec["clusterIP"] is null && spec["type"]?.ToString() != "ExternalName")
        {
            var ip = ips.Next();
            spec["clusterIP"] = ip;
            spec["clusterIPs"] = new JsonArray(ip);
            spec["ipFamilies"] = new JsonArray("IPv4");
            spec["ipFamilyPolicy"] = "SingleStack";
            spec["internalTrafficPolicy"] ??= "Cluster";
        }
        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }
    }

    private static void Secret(JsonObject obj)
    {
        obj["type"] ??= "Opaque";
        if (obj["stringData"] is JsonObject stringData)
        {
            var data = JsonOps.Ensure(obj, "data");
            foreach (var (key, value) in stringData)
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.ToString() ?? ""));
            }
            obj.Remove("stringData");
        }
    }
}
