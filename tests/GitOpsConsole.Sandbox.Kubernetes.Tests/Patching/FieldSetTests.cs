using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Apply;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Patching;

public sealed class FieldSetTests
{
    [Fact]
    public void FieldPaths_Deployment_NameListItemsByKeyAndSkipServerMetadata()
    {
        var deployment = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","uid":"u","labels":{"app":"web"},"finalizers":["x"]},
             "spec":{"template":{"spec":{"containers":[{"name":"app","image":"a:1","ports":[{"containerPort":80}],"args":["-v"]}]}}}}
            """)!.AsObject();
        var paths = FieldPaths.Of(deployment, "Deployment", builtIn: true).Paths.Select(p => p.Replace('\n', '/')).Order().ToList();
        Assert.Equal(
        [
            "f:metadata/f:finalizers/v:\"x\"",
            "f:metadata/f:labels/f:app",
            "f:spec/f:template/f:spec/f:containers/k:{\"name\":\"app\"}",
            "f:spec/f:template/f:spec/f:containers/k:{\"name\":\"app\"}/f:args",
            "f:spec/f:template/f:spec/f:containers/k:{\"name\":\"app\"}/f:image",
            "f:spec/f:template/f:spec/f:containers/k:{\"name\":\"app\"}/f:name",
            "f:spec/f:template/f:spec/f:containers/k:{\"name\":\"app\"}/f:ports/k:{\"containerPort\":80}",
            "f:spec/f:template/f:spec/f:containers/k:{\"name\":\"app\"}/f:ports/k:{\"containerPort\":80}/f:containerPort",
        ], paths);
    }

    [Fact]
    public void ToFieldsV1_RoundTrips_WithDotForOwnedParents()
    {
        var set = new FieldSet(["f:spec\nf:containers\nk:{\"name\":\"app\"}", "f:spec\nf:containers\nk:{\"name\":\"app\"}\nf:image", "f:spec\nf:replicas"]);
        var json = set.ToFieldsV1();
        Assert.Equal("""{"f:spec":{"f:containers":{"k:{\u0022name\u0022:\u0022app\u0022}":{".":{},"f:image":{}}},"f:replicas":{}}}""", json.ToJsonString());
        Assert.Equal(set.Paths.Order(), FieldSet.FromFieldsV1(json).Paths.Order());
    }
}
