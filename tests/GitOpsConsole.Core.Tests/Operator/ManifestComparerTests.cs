using System.Text.Json.Nodes;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Core.Tests.Operator;

public sealed class ManifestComparerTests
{
    private const string Desired = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"shop","labels":{"app":"web"},"annotations":{}},
         "spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web","image":"r/web:1","ports":[{"name":"http","containerPort":8080}]}]}}}}
        """;

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonObject LiveFrom(string json, Action<JsonObject> change)
    {
        var live = Parse(json);
        live["metadata"]!["uid"] = "1234";
        live["metadata"]!["resourceVersion"] = "77";
        live["metadata"]!["managedFields"] = new JsonArray(new JsonObject { ["manager"] = "gitops-console" });
        live["spec"]!["progressDeadlineSeconds"] = 600;
        live["spec"]!["template"]!["spec"]!["containers"]![0]!["imagePullPolicy"] = "IfNotPresent";
        live["status"] = new JsonObject { ["replicas"] = 2 };
        change(live);
        return live;
    }

    [Fact]
    public void Compare_LiveWithServerFieldsAndDefaults_IsEqual()
    {
        Assert.Empty(ManifestComparer.Compare(Parse(Desired), LiveFrom(Desired, _ => { })));
    }

    [Fact]
    public void Compare_ScaledLive_ReportsReplicasWithBothValues()
    {
        var live = LiveFrom(Desired, l => l["spec"]!["replicas"] = 5);

        var diff = Assert.Single(ManifestComparer.Compare(Parse(Desired), live));

        Assert.Equal(new FieldDiff("spec.replicas", "2", "5"), diff);
    }

    [Fact]
    public void Compare_ContainerImageChanged_PathNamesTheContainer()
    {
        var live = LiveFrom(Desired, l => l["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "r/web:2");

        var diff = Assert.Single(ManifestComparer.Compare(Parse(Desired), live));

        Assert.Equal("spec.template.spec.containers[name=web].image", diff.Path);
        Assert.Equal(("\"r/web:1\"", "\"r/web:2\""), (diff.Desired, diff.Live));
    }

    [Fact]
    public void Compare_ContainersInAnotherOrder_MatchedByName()
    {
        var desired = Parse("""{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}""");
        var live = Parse("""{"spec":{"containers":[{"name":"b","image":"y"},{"name":"a","image":"x"}]}}""");

        Assert.Empty(ManifestComparer.Compare(desired, live));
    }

    [Fact]
    public void Compare_FieldMissingLive_ReportsNullLive()
    {
        var live = LiveFrom(Desired, l => l["metadata"]!.AsObject().Remove("labels"));

        var diff = Assert.Single(ManifestComparer.Compare(Parse(Desired), live));

        Assert.Equal(new FieldDiff("metadata.labels.app", "\"web\"", null), diff);
    }

    [Fact]
    public void Compare_AnnotationWithSlash_QuotesTheKey()
    {
        var desired = Parse("""{"metadata":{"annotations":{"gitops-console.io/tracking-id":"a"}}}""");
        var live = Parse("""{"metadata":{"annotations":{"gitops-console.io/tracking-id":"b"}}}""");

        Assert.Equal("metadata.annotations[\"gitops-console.io/tracking-id\"]", Assert.Single(ManifestComparer.Compare(desired, live)).Path);
    }

    [Fact]
    public void Compare_ScalarListDiffers_ReportsWholeList()
    {
        var desired = Parse("""{"spec":{"args":["a","b"]}}""");
        var live = Parse("""{"spec":{"args":["a"]}}""");

        Assert.Equal(new FieldDiff("spec.args", "[\"a\",\"b\"]", "[\"a\"]"), Assert.Single(ManifestComparer.Compare(desired, live)));
    }

    [Fact]
    public void Compare_NumbersWrittenDifferently_AreEqual()
    {
        Assert.Empty(ManifestComparer.Compare(Parse("""{"spec":{"replicas":1}}"""), Parse("""{"spec":{"replicas":1.0}}""")));
    }

    [Fact]
    public void Compare_DesiredSetsStatusOrServerMetadata_Ignored()
    {
        var desired = Parse("""{"metadata":{"name":"x","resourceVersion":"1","uid":"u"},"status":{"replicas":3}}""");
        var live = Parse("""{"metadata":{"name":"x","resourceVersion":"9","uid":"v"},"status":{"replicas":1}}""");

        Assert.Empty(ManifestComparer.Compare(desired, live));
    }

    [Fact]
    public void Compare_VolumeMountsSharingAVolume_MatchedByMountPath()
    {
        var desired = Parse("""{"spec":{"volumeMounts":[{"name":"data","mountPath":"/a"},{"name":"data","mountPath":"/b","readOnly":true}]}}""");
        var live = Parse("""{"spec":{"volumeMounts":[{"name":"data","mountPath":"/b","readOnly":false},{"name":"data","mountPath":"/a"}]}}""");

        var diff = Assert.Single(ManifestComparer.Compare(desired, live));

        Assert.Equal(new FieldDiff("spec.volumeMounts[mountPath=/b].readOnly", "true", "false"), diff);
    }

    [Fact]
    public void Compare_ServicePorts_MatchedByPort()
    {
        var desired = Parse("""{"spec":{"ports":[{"port":80,"targetPort":"http"}]}}""");
        var live = Parse("""{"spec":{"ports":[{"port":443,"targetPort":"https"},{"port":80,"targetPort":"web"}]}}""");

        Assert.Equal("spec.ports[port=80].targetPort", Assert.Single(ManifestComparer.Compare(desired, live)).Path);
    }

    [Fact]
    public void Compare_ListItemMissingLive_ReportsTheWholeItem()
    {
        var desired = Parse("""{"spec":{"containers":[{"name":"a","image":"x"},{"name":"sidecar","image":"y"}]}}""");
        var live = Parse("""{"spec":{"containers":[{"name":"a","image":"x"}]}}""");

        var diff = Assert.Single(ManifestComparer.Compare(desired, live));

        Assert.Equal(("spec.containers[name=sidecar]", (string?)null), (diff.Path, diff.Live));
    }
}
