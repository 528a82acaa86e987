using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Rest;

public sealed class ErrorResponseTests
{
    [Fact]
    public async Task Create_MalformedJson_Returns400Status()
    {
        await using var cluster = await TestCluster.StartAsync();
        var (status, body) = await cluster.PostAsync("/api/v1/namespaces/default/configmaps", "{\"metadata\": {");
        Assert.Equal(400, status);
        AssertStatus(body, 400, "BadRequest");
    }

    [Fact]
    public async Task Create_MalformedYaml_Returns400Status()
    {
        await using var cluster = await TestCluster.StartAsync();
        var (status, body) = await cluster.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            "metadata:\n  name: x\n   bad: [unclosed", "application/yaml");
        Assert.Equal(400, status);
        AssertStatus(body, 400, "BadRequest");
    }

    [Fact]
    public async Task Get_UnknownResource_Returns404Status()
    {
        await using var cluster = await TestCluster.StartAsync();
        var (status, body) = await cluster.GetAsync("/api/v1/namespaces/default/widgets");
        AssertStatus(body, 404, "NotFound");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Get_MissingObject_Returns404WithDetails()
    {
        await using var cluster = await TestCluster.StartAsync();
        var (status, body) = await cluster.GetAsync("/apis/apps/v1/namespaces/default/deployments/nothing");
        Assert.Equal(404, status);
        AssertStatus(body, 404, "NotFound");
        Assert.Equal("deployments.apps \"nothing\" not found", body["message"]!.ToString());
        Assert.Equal("nothing", body["details"]!["name"]!.ToString());
    }

    [Fact]
    public async Task Create_BodyOver3MiB_Returns413Status()
    {
        await using var cluster = await TestCluster.StartAsync();
        var big = new string('x', 3 * 1024 * 1024 + 10);
        var (status, body) = await cluster.PostAsync("/api/v1/namespaces/default/configmaps",
            $$$"""{"metadata":{"name":"big"},"data":{"k":"{{{big}}}"}}""");
        Assert.Equal(413, status);
        AssertStatus(body, 413, "RequestEntityTooLarge");
    }

    [Fact]
    public async Task Create_Twice_Returns409AlreadyExists()
    {
        await using var cluster = await TestCluster.StartAsync();
        Assert.Equal(201, (await cluster.PostAsync("/api/v1/namespaces/default/configmaps", Manifests.ConfigMapJson("twice"))).Status);
        var (status, body) = await cluster.PostAsync("/api/v1/namespaces/default/configmaps", Manifests.ConfigMapJson("twice"));
        Assert.Equal(409, status);
        AssertStatus(body, 409, "AlreadyExists");
    }

    [Fact]
    public async Task Put_StaleResourceVersion_Returns409Conflict()
    {
        await using var cluster = await TestCluster.StartAsync();
        var (_, created) = await cluster.PostAsync("/api/v1/namespaces/default/configmaps", Manifests.ConfigMapJson("cas"));
        var stale = created.DeepClone().AsObject();
        created["data"]!["k"] = "changed";
        Assert.Equal(200, (await cluster.SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/cas", created.ToJsonString())).Status);
        stale["data"]!["k"] = "lost update";
        var (status, body) = await cluster.SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/cas", stale.ToJsonString());
        Assert.Equal(409, status);
        AssertStatus(body, 409, "Conflict");
    }

    [Fact]
    public async Task Create_InvalidName_Returns422Invalid()
    {
        await using var cluster = await TestCluster.StartAsync();
        var (status, body) = await cluster.PostAsync("/api/v1/namespaces/default/configmaps", Manifests.ConfigMapJson("Not_Valid"));
        Assert.Equal(422, status);
        AssertStatus(body, 422, "Invalid");
    }

    [Fact]
    public async Task Post_OnNamedObject_Returns405MethodNotAllowed()
    {
        await using var cluster = await TestCluster.StartAsync();
        var (status, body) = await cluster.PostAsync("/api/v1/namespaces/default/configmaps/x", Manifests.ConfigMapJson("x"));
        Assert.Equal(405, status);
        AssertStatus(body, 405, "MethodNotAllowed");
    }

    private static void AssertStatus(System.Text.Json.Nodes.JsonObject body, int code, string reason)
    {
        Assert.Equal("Status", body["kind"]!.ToString());
        Assert.Equal("v1", body["apiVersion"]!.ToString());
        Assert.Equal("Failure", body["status"]!.ToString());
        Assert.Equal(reason, body["reason"]!.ToString());
        Assert.Equal(code, body["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["message"]?.ToString()));
    }
}
