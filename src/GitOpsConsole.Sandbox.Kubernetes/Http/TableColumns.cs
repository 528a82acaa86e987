using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Controllers;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Selectors;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

internal sealed record TableColumn(string Name, string Type, int Priority, Func<JsonObject, DateTimeOffset, JsonNode?> Cell);

/// <summary>The columns kubectl shows for each kind (priority 1 columns appear with -o wide).</summary>
internal static class TableColumns
{
    private static readonly TableColumn Name = new("Name", "string", 0, (o, _) => Meta.Name(o));
    private static readonly TableColumn Age = new("Age", "string", 0, (o, now) => Duration.Age(Meta.ParseTime(o["metadata"]?["creationTimestamp"]), now));

    public static IReadOnlyList<TableColumn> For(ResourceType type) => (type.Group, type.Kind) switch
    {
        ("", "Pod") => [Name, Col("Ready", PodCells.Ready), Col("Status", PodCells.Status), Col("Restarts", PodCells.Restarts), Age,
            Col("IP", (o, _) => Str(o, "status", "podIP") ?? "<none>", priority: 1), Col("Node", (o, _) => Str(o, "spec", "nodeName") ?? "<none>", priority: 1),
            Col("Nominated Node", (_, _) => "<none>", priority: 1), Col("Readiness Gates", (_, _) => "<none>", priority: 1)],
        ("apps", "Deployment") => [Name, Col("Ready", (o, _) => $"{Num(o, "status", "readyReplicas")}/{Num(o, "spec", "replicas")}"),
            Col("Up-to-date", (o, _) => Num(o, "status", "updatedReplicas"), "integer"), Col("Available", (o, _) => Num(o, "status", "availableReplicas"), "integer"), Age,
            Col("Containers", Containers, priority: 1), Col("Images", Images, priority: 1), Col("Selector", Selector, priority: 1)],
        ("apps", "ReplicaSet") => [Name, Col("Desired", (o, _) => Num(o, "spec", "replicas"), "integer"), Col("Current", (o, _) => Num(o, "status", "replicas"), "integer"),
            Col("Ready", (o, _) => Num(o, "status", "readyReplicas"), "integer"), Age,
            Col("Containers", Containers, priority: 1), Col("Images", Images, priority: 1), Col("Selector", Selector, priority: 1)],
        ("apps", "StatefulSet") => [Name, Col("Ready", (o, _) => $"{Num(o, "status", "readyReplicas")}/{Num(o, "spec", "replicas")}"), Age,
            Col("Containers", Containers, priority: 1), Col("Images", Images, priority: 1)],
        ("batch", "Job") => [Name, Col("Status", JobStatus), Col("Completions", (o, _) => $"{Num(o, "status", "succeeded")}/{Num(o, "spec", "completions")}"), Age],
        ("", "Service") => [Name, Col("Type", (o, _) => Str(o, "spec", "type") ?? "ClusterIP"), Col("Cluster-IP", (o, _) => Str(o, "spec", "clusterIP") ?? "<none>"),
            Col("External-IP", (_, _) => "<none>"), Col("Port(s)", Ports), Age, Col("Selector", ServiceSelector, priority: 1)],
        ("", "Node") => [Name, Col("Status", (o, _) => Meta.Str(ControllerTools.Condition(o["status"], "Ready"), "status") == "True" ? "Ready" : "NotReady"),
            Col("Roles", (o, _) => Roles(o)), Age, Col("Version", (o, _) => Meta.Str(o["status"]?["nodeInfo"], "kubeletVersion") ?? ""),
            Col("Internal-IP", (o, _) => (o["status"]?["addresses"] as JsonArray ?? []).OfType<JsonObject>().Where(a => Meta.Str(a, "type") == "InternalIP").Select(a => Meta.Str(a, "address")).FirstOrDefault() ?? "<none>", priority: 1),
            Col("OS-Image", (o, _) => Meta.Str(o["status"]?["nodeInfo"], "osImage") ?? "", priority: 1),
            Col("Container-Runtime", (o, _) => Meta.Str(o["status"]?["nodeInfo"], "containerRuntimeVersion") ?? "", priority: 1)],
        ("", "Namespace") => [Name, Col("Status", (o, _) => Str(o, "status", "phase") ?? "Active"), Age],
        ("", "ConfigMap") => [Name, Col("Data", (o, _) => (o["data"] as JsonObject)?.Count ?? 0, "integer"), Age],
        ("", "Secret") => [Name, Col("Type", (o, _) => Meta.Str(o, "type") ?? "Opaque"), Col("Data", (o, _) => (o["data"] as JsonObject)?.Count ?? 0, "integer"), Age],
        ("", "Event") => [Col("Last Seen", (o, now) => Duration.Age(Meta.ParseTime(o["lastTimestamp"]) ?? Meta.ParseTime(o["eventTime"]), now)),
            Col("Type", (o, _) => Meta.Str(o, "type") ?? ""), Col("Reason", (o, _) => Meta.Str(o, "reason") ?? ""),
            Col("Object", (o, _) => $"{Meta.Str(o["involvedObject"], "kind")?.ToLowerInvariant()}/{Meta.Str(o["involvedObject"], "name")}"),
            Col("Message", (o, _) => Meta.Str(o, "message") ?? ""), Col("Count", (o, _) => Meta.Long(o["count"]), "integer", 1), Name with { Priority = 1 }],
        _ => [Name, Age],
    };

    private static JsonNode Roles(JsonObject node)
    {
        const string Prefix = "node-role.kubernetes.io/";
        var roles = Meta.LabelMap(node).Keys.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)).Select(k => k[Prefix.Length..]).ToList();
        return roles.Count == 0 ? "<none>" : string.Join(',', roles);
    }

    private static TableColumn Col(string name, Func<JsonObject, DateTimeOffset, JsonNode?> cell, string type = "string", int priority = 0) =>
        new(name, type, priority, cell);

    private static string? Str(JsonObject o, string a, string b) => Meta.Str(o[a], b);

    private static long Num(JsonObject o, string a, string b) => Meta.Long(o[a]?[b]);

    private static IEnumerable<JsonObject> TemplateContainers(JsonObject o) =>
        (o["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>();

    private static JsonNode Containers(JsonObject o, DateTimeOffset _) => string.Join(',', TemplateContainers(o).Select(c => Meta.Str(c, "name")));

    private static JsonNode Images(JsonObject o, DateTimeOffset _) => string.Join(',', TemplateContainers(o).Select(c => Meta.Str(c, "image")));

    private static JsonNode Selector(JsonObject o, DateTimeOffset _) => SelectorConverter.ToQuery(o["spec"]?["selector"] as JsonObject);

    private static JsonNode ServiceSelector(JsonObject o, DateTimeOffset _) =>
        o["spec"]?["selector"] is JsonObject s ? string.Join(',', s.Select(p => $"{p.Key}={p.Value}")) : "<none>";

    private static JsonNode Ports(JsonObject o, DateTimeOffset _)
    {
        var ports = (o["spec"]?["ports"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{Meta.Long(p["port"])}/{Meta.Str(p, "protocol") ?? "TCP"}")).ToList();
        return ports.Count == 0 ? "<none>" : string.Join(',', ports);
    }

    private static JsonNode JobStatus(JsonObject o, DateTimeOffset _)
    {
        var conditions = (o["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>();
        var done = conditions.FirstOrDefault(c => Meta.Str(c, "status") == "True" && Meta.Str(c, "type") is "Complete" or "Failed");
        return done is not null ? Meta.Str(done, "type")! : "Running";
    }
}
