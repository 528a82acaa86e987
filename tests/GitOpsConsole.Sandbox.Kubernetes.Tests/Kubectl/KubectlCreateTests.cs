using System.Text;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Kubectl;

/// <summary>kubectl's typed commands send protobuf bodies; these check the emulator decodes them.</summary>
public sealed class KubectlCreateTests
{
    [Fact]
    public async Task CreateCommands_ProtobufBodies_CreateTheObjects()
    {
        _ = Support.Kubectl.Path;
        var catalog = new TestImageCatalog().With("api:1", ImageRuntime.Starts, TimeSpan.Zero);
        await using var cluster = await TestCluster.StartAsync(catalog);
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunAsync("create", "namespace", "team")).Succeeded();
        (await kubectl.RunAsync("create", "configmap", "cfg", "--from-literal=mode=fast", "-n", "team")).Succeeded();
        (await kubectl.RunAsync("create", "secret", "generic", "creds", "--from-literal=password=hunter2", "-n", "team")).Succeeded();
        (await kubectl.RunAsync("create", "deployment", "api", "--image=api:1", "--replicas=2", "--port=8080", "-n", "team")).Succeeded();
        (await kubectl.RunAsync("expose", "deployment", "api", "--port=80", "--target-port=8080", "-n", "team")).Succeeded();

        var cm = JsonNode.Parse((await kubectl.RunAsync("get", "cm", "cfg", "-n", "team", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal("fast", cm["data"]!["mode"]!.ToString());
        var secret = JsonNode.Parse((await kubectl.RunAsync("get", "secret", "creds", "-n", "team", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal("hunter2", Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["password"]!.ToString())));
        var deploy = JsonNode.Parse((await kubectl.RunAsync("get", "deploy", "api", "-n", "team", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal(2, deploy["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("api:1", deploy["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.ToString());
        Assert.Equal(8080, deploy["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"]!.GetValue<int>());
        var svc = JsonNode.Parse((await kubectl.RunAsync("get", "svc", "api", "-n", "team", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal(8080, svc["spec"]!["ports"]![0]!["targetPort"]!.GetValue<int>());
        Assert.Equal("api", svc["spec"]!["selector"]!["app"]!.ToString());
        Assert.Contains("successfully rolled out", (await kubectl.RunAsync("rollout", "status", "deploy/api", "-n", "team", "--timeout=30s")).Succeeded().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MalformedProtobuf_Returns400()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var content = new ByteArrayContent([0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");
        using var response = await cluster.Http.PostAsync(new Uri("/api/v1/namespaces/default/configmaps", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("BadRequest", body["reason"]!.ToString());
    }
}
