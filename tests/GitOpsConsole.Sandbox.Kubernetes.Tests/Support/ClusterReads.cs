using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

/// <summary>Reads the tests make over HTTP while the simulation runs.</summary>
internal static class ClusterReads
{
    public static async Task<List<JsonObject>> PodsAsync(this TestCluster cluster, string selector)
    {
        var (_, list) = await cluster.GetAsync("/api/v1/namespaces/default/pods?labelSelector=" + Uri.EscapeDataString(selector));
        return [.. list["items"]!.AsArray().OfType<JsonObject>()];
    }

    public static async Task<JsonObject> DeploymentAsync(this TestCluster cluster, string name) =>
        (await cluster.GetAsync("/apis/apps/v1/namespaces/default/deployments/" + name)).Body;

    public static async Task<List<JsonObject>> ReplicaSetsAsync(this TestCluster cluster, string selector)
    {
        var (_, list) = await cluster.GetAsync("/apis/apps/v1/namespaces/default/replicasets?labelSelector=" + Uri.EscapeDataString(selector));
        return [.. list["items"]!.AsArray().OfType<JsonObject>()];
    }

    public static async Task<List<JsonObject>> EventsForAsync(this TestCluster cluster, string objectName)
    {
        var (_, list) = await cluster.GetAsync("/api/v1/namespaces/default/events?fieldSelector=" + Uri.EscapeDataString("involvedObject.name=" + objectName));
        return [.. list["items"]!.AsArray().OfType<JsonObject>()];
    }

    public static JsonObject? Container(JsonObject pod) => pod["status"]?["containerStatuses"]?[0] as JsonObject;

    public static string? WaitingReason(JsonObject pod) => Container(pod)?["state"]?["waiting"]?["reason"]?.ToString();

    public static bool IsReady(JsonObject pod) => Container(pod)?["ready"]?.GetValue<bool>() == true;

    public static long Restarts(JsonObject pod) => Container(pod)?["restartCount"]?.GetValue<long>() ?? 0;

    public static string Condition(JsonObject obj, string type, string field = "status") =>
        obj["status"]?["conditions"]?.AsArray().OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == type)?[field]?.ToString() ?? "";

    public static async Task ApplyAsync(this TestCluster cluster, string yaml, string name, string plural = "deployments", string group = "apps/v1")
    {
        var path = $"/apis/{group}/namespaces/default/{plural}/{name}?fieldManager=test";
        var (status, body) = await cluster.SendAsync(HttpMethod.Patch, path, yaml, "application/apply-patch+yaml");
        Assert.True(status is 200 or 201, body.ToJsonString());
    }
}
