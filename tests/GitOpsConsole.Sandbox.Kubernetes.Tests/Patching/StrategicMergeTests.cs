using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Patching;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Patching;

public sealed class StrategicMergeTests
{
    private static JsonObject Apply(string kind, string target, string patch) =>
        new StrategicMerge(kind, builtIn: true).Apply(JsonNode.Parse(target)!.AsObject(), JsonNode.Parse(patch)!.AsObject());

    private const string Pod = """
        {"spec":{"containers":[{"name":"a","image":"a:1","env":[{"name":"X","value":"1"}],"ports":[{"containerPort":80}]},{"name":"b","image":"b:1"}],
         "volumes":[{"name":"v1"},{"name":"v2"}]},"metadata":{"finalizers":["f1"]}}
        """;

    [Fact]
    public void Apply_ContainerByName_MergesFieldsAndKeepsOthers()
    {
        var result = Apply("Pod", Pod, """{"spec":{"containers":[{"name":"a","image":"a:2"}]}}""");
        var containers = result["spec"]!["containers"]!.AsArray();
        Assert.Equal(2, containers.Count);
        Assert.Equal("a:2", containers[0]!["image"]!.ToString());
        Assert.Equal("X", containers[0]!["env"]![0]!["name"]!.ToString());
    }

    [Fact]
    public void Apply_PatchDeleteDirective_RemovesListItem()
    {
        var result = Apply("Pod", Pod, """{"spec":{"volumes":[{"name":"v1","$patch":"delete"}]}}""");
        Assert.Equal("v2", Assert.Single(result["spec"]!["volumes"]!.AsArray())!["name"]!.ToString());
    }

    [Fact]
    public void Apply_PatchReplaceInList_ReplacesWholeList()
    {
        var result = Apply("Pod", Pod, """{"spec":{"containers":[{"name":"c","image":"c:1"},{"$patch":"replace"}]}}""");
        Assert.Equal("c", Assert.Single(result["spec"]!["containers"]!.AsArray())!["name"]!.ToString());
    }

    [Fact]
    public void Apply_SetElementOrder_ReordersItems()
    {
        var result = Apply("Pod", Pod, """{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"b","image":"b:2"}]}}""");
        var names = result["spec"]!["containers"]!.AsArray().Select(c => c!["name"]!.ToString());
        Assert.Equal(["b", "a"], names);
    }

    [Fact]
    public void Apply_DeleteFromPrimitiveList_RemovesFinalizer()
    {
        var result = Apply("Pod", Pod, """{"metadata":{"$deleteFromPrimitiveList/finalizers":["f1"]}}""");
        Assert.Empty(result["metadata"]!["finalizers"]!.AsArray());
    }

    [Fact]
    public void Apply_RetainKeys_DropsUnlistedFields()
    {
        var target = """{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""";
        var result = Apply("Deployment", target, """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""");
        Assert.Equal("""{"type":"Recreate"}""", result["spec"]!["strategy"]!.ToJsonString());
    }

    [Fact]
    public void Apply_NullValue_DeletesKey()
    {
        var result = Apply("Pod", Pod, """{"spec":{"volumes":null}}""");
        Assert.Null(result["spec"]!["volumes"]);
    }

    [Fact]
    public void Apply_ServicePorts_MergeByPort()
    {
        var target = """{"spec":{"ports":[{"port":80,"name":"http"},{"port":443,"name":"https"}]}}""";
        var result = Apply("Service", target, """{"spec":{"ports":[{"port":443,"targetPort":8443}]}}""");
        Assert.Equal(8443, result["spec"]!["ports"]![1]!["targetPort"]!.GetValue<int>());
        Assert.Equal(2, result["spec"]!["ports"]!.AsArray().Count);
    }

    [Fact]
    public void Apply_AtomicList_IsReplaced()
    {
        var target = """{"spec":{"containers":[{"name":"a","args":["x","y"]}]}}""";
        var result = Apply("Pod", target, """{"spec":{"containers":[{"name":"a","args":["z"]}]}}""");
        Assert.Equal("""["z"]""", result["spec"]!["containers"]![0]!["args"]!.ToJsonString());
    }
}
