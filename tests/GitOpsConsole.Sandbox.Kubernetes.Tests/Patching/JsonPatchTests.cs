using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Patching;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Patching;

public sealed class JsonPatchTests
{
    private static JsonObject Apply(string target, string patch) => JsonPatch.Apply(JsonNode.Parse(target)!.AsObject(), JsonNode.Parse(patch));

    [Fact]
    public void Apply_AddReplaceRemoveMoveCopy_ProduceExpectedDocument()
    {
        var result = Apply("""{"a":1,"list":[1,2],"m":{"x":"y"}}""",
            """[{"op":"add","path":"/list/-","value":3},{"op":"replace","path":"/a","value":2},{"op":"remove","path":"/list/0"},{"op":"move","from":"/m/x","path":"/moved"},{"op":"copy","from":"/a","path":"/copied"}]""");
        Assert.Equal("""{"a":2,"list":[2,3],"m":{},"moved":"y","copied":2}""", result.ToJsonString());
    }

    [Fact]
    public void Apply_FailedTest_Throws422()
    {
        var error = Assert.Throws<GitOpsConsole.Sandbox.Kubernetes.Store.ApiException>(() => Apply("""{"a":1}""", """[{"op":"test","path":"/a","value":2}]"""));
        Assert.Equal(422, error.Code);
    }

    [Fact]
    public void Apply_EscapedPointer_ReachesSlashKeys()
    {
        var result = Apply("""{"metadata":{"labels":{"app.kubernetes.io/name":"x"}}}""",
            """[{"op":"replace","path":"/metadata/labels/app.kubernetes.io~1name","value":"y"}]""");
        Assert.Equal("y", result["metadata"]!["labels"]!["app.kubernetes.io/name"]!.ToString());
    }

    [Fact]
    public void Apply_RemoveMissing_Throws422()
    {
        var error = Assert.Throws<GitOpsConsole.Sandbox.Kubernetes.Store.ApiException>(() => Apply("""{"a":1}""", """[{"op":"remove","path":"/b"}]"""));
        Assert.Equal(422, error.Code);
    }
}
