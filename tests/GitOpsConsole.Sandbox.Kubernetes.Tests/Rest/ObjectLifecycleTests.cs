using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Rest;

public sealed class ObjectLifecycleTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Create_SetsServerMetadataAndIncreasingResourceVersions()
    {
        await using var cluster = await TestCluster.StartAsync();
        var (_, first) = await cluster.PostAsync(ConfigMaps, Manifests.ConfigMapJson("one"));
        var (_, second) = await cluster.PostAsync(ConfigMaps, Manifests.ConfigMapJson("two"));
        Assert.True(Guid.TryParse(first["metadata"]!["uid"]!.ToString(), out _));
        Assert.NotNull(first["metadata"]!["creationTimestamp"]);
        Assert.Equal(1, first["metadata"]!["generation"]!.GetValue<long>());
        Assert.True(long.Parse(second["metadata"]!["resourceVersion"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > long.Parse(first["metadata"]!["resourceVersion"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Create_GenerateName_AppendsSuffix()
    {
        await using var cluster = await TestCluster.StartAsync();
        var (status, body) = await cluster.PostAsync(ConfigMaps, """{"metadata":{"generateName":"web-"},"data":{}}""");
        Assert.Equal(201, status);
        Assert.Matches("^web-[a-z0-9]{5}$", body["metadata"]!["name"]!.ToString());
        Assert.Equal("default", body["metadata"]!["namespace"]!.ToString());
    }

    [Fact]
    public async Task Update_SpecChange_BumpsGenerationButStatusOnlyDoesNot()
    {
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        var deployment = """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"g"},"spec":{"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}""";
        var (_, created) = await cluster.PostAsync("/apis/apps/v1/namespaces/default/deployments", deployment);
        created["spec"]!["replicas"] = 5;
        var (_, updated) = await cluster.SendAsync(HttpMethod.Put, "/apis/apps/v1/namespaces/default/deployments/g", created.ToJsonString());
        Assert.Equal(2, updated["metadata"]!["generation"]!.GetValue<long>());
        updated["status"] = new JsonObject { ["replicas"] = 5 };
        var (_, status) = await cluster.SendAsync(HttpMethod.Put, "/apis/apps/v1/namespaces/default/deployments/g/status", updated.ToJsonString());
        Assert.Equal(2, status["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(5, status["status"]!["replicas"]!.GetValue<long>());
    }

    [Fact]
    public async Task Scale_PutAndGet_ChangesReplicas()
    {
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        await cluster.PostAsync("/apis/apps/v1/namespaces/default/deployments",
            """{"metadata":{"name":"s"},"spec":{"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}""");
        var (_, scale) = await cluster.GetAsync("/apis/apps/v1/namespaces/default/deployments/s/scale");
        Assert.Equal("Scale", scale["kind"]!.ToString());
        Assert.Equal("autoscaling/v1", scale["apiVersion"]!.ToString());
        Assert.Equal("a=b", scale["status"]!["selector"]!.ToString());
        scale["spec"]!["replicas"] = 7;
        var (status, _) = await cluster.SendAsync(HttpMethod.Put, "/apis/apps/v1/namespaces/default/deployments/s/scale", scale.ToJsonString());
        Assert.Equal(200, status);
        var (_, deployment) = await cluster.GetAsync("/apis/apps/v1/namespaces/default/deployments/s");
        Assert.Equal(7, deployment["spec"]!["replicas"]!.GetValue<long>());
    }

    [Fact]
    public async Task Delete_WithFinalizer_StaysTerminatingUntilFinalizerRemoved()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.PostAsync(ConfigMaps, """{"metadata":{"name":"fin","finalizers":["example.com/hold"]}}""");
        var (status, body) = await cluster.SendAsync(HttpMethod.Delete, ConfigMaps + "/fin");
        Assert.Equal(200, status);
        Assert.NotNull(body["metadata"]!["deletionTimestamp"]);
        Assert.Equal(200, (await cluster.GetAsync(ConfigMaps + "/fin")).Status);
        var patch = await cluster.SendAsync(HttpMethod.Patch, ConfigMaps + "/fin", """{"metadata":{"finalizers":null}}""", "application/merge-patch+json");
        Assert.Equal(200, patch.Status);
        Assert.Equal(404, (await cluster.GetAsync(ConfigMaps + "/fin")).Status);
    }

    [Theory]
    [InlineData("Background", false)]
    [InlineData("Foreground", false)]
    [InlineData("Orphan", true)]
    public async Task Delete_Owner_PropagatesToDependents(string policy, bool dependentSurvives)
    {
        await using var cluster = await TestCluster.StartAsync();
        var (_, owner) = await cluster.PostAsync(ConfigMaps, Manifests.ConfigMapJson("owner"));
        var uid = owner["metadata"]!["uid"]!.ToString();
        await cluster.PostAsync(ConfigMaps, $$$"""{"metadata":{"name":"child","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"{{{uid}}}"}]}}""");
        await cluster.SendAsync(HttpMethod.Delete, ConfigMaps + "/owner", $$"""{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"{{policy}}"}""");
        var (status, child) = await cluster.GetAsync(ConfigMaps + "/child");
        Assert.Equal(dependentSurvives ? 200 : 404, status);
        if (dependentSurvives)
        {
            Assert.Null(child["metadata"]!["ownerReferences"]);
        }
    }

    [Fact]
    public async Task DeleteCollection_WithLabelSelector_DeletesOnlyMatches()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.PostAsync(ConfigMaps, Manifests.ConfigMapJson("a", labels: """{"team":"x"}"""));
        await cluster.PostAsync(ConfigMaps, Manifests.ConfigMapJson("b", labels: """{"team":"y"}"""));
        await cluster.SendAsync(HttpMethod.Delete, ConfigMaps + "?labelSelector=team%3Dx");
        Assert.Equal(404, (await cluster.GetAsync(ConfigMaps + "/a")).Status);
        Assert.Equal(200, (await cluster.GetAsync(ConfigMaps + "/b")).Status);
    }

    [Fact]
    public async Task Delete_Namespace_RemovesItsObjects()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.PostAsync("/api/v1/namespaces", """{"metadata":{"name":"team"}}""");
        await cluster.PostAsync("/api/v1/namespaces/team/configmaps", Manifests.ConfigMapJson("c", "team"));
        await cluster.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/team");
        Assert.Equal(404, (await cluster.GetAsync("/api/v1/namespaces/team")).Status);
        Assert.Equal(404, (await cluster.GetAsync("/api/v1/namespaces/team/configmaps/c")).Status);
    }

    [Fact]
    public async Task Crd_Applied_MakesCustomResourcesServable()
    {
        await using var cluster = await TestCluster.StartAsync();
        var crd = """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.example.com"},
             "spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"widgets","singular":"widget","kind":"Widget","shortNames":["wd"]},
             "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
            """;
        Assert.Equal(201, (await cluster.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)).Status);
        var (_, discovery) = await cluster.GetAsync("/apis/example.com/v1");
        Assert.Equal("widgets", discovery["resources"]![0]!["name"]!.ToString());
        var (status, widget) = await cluster.PostAsync("/apis/example.com/v1/namespaces/default/widgets",
            """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1"},"spec":{"size":3}}""");
        Assert.Equal(201, status);
        Assert.Equal(3, widget["spec"]!["size"]!.GetValue<long>());
        var (_, list) = await cluster.GetAsync("/apis/example.com/v1/widgets");
        Assert.Single(list["items"]!.AsArray());
    }
}
