using k8s;
using k8s.Autorest;
using k8s.Models;
using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Client;

public sealed class ServerSideApplyClientTests
{
    private static V1Deployment Deployment(string image, int? replicas) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "default" },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "api" } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "api" } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "api", Image = image }] },
            },
        },
    };

    private static Task<V1Deployment> ApplyAsync(k8s.Kubernetes client, V1Deployment deployment, string manager, bool force = false) =>
        client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(deployment, V1Patch.PatchType.ApplyPatch), "api", "default",
            fieldManager: manager, force: force, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Apply_CreatesThenUpdates_RecordsApplyManager()
    {
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        using var client = ClientFactory.Create(cluster);
        var created = await ApplyAsync(client, Deployment("api:1", 2), "gitops-console");
        var updated = await ApplyAsync(client, Deployment("api:2", 2), "gitops-console");
        Assert.Equal("api:2", updated.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(created.Metadata.Uid, updated.Metadata.Uid);
        var entry = Assert.Single(updated.Metadata.ManagedFields, m => m.Manager == "gitops-console");
        Assert.Equal("Apply", entry.Operation);
        Assert.Equal("FieldsV1", entry.FieldsType);
        Assert.Contains("f:replicas", entry.FieldsV1.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_OtherManagerChangesOwnedField_Conflicts409UnlessForced()
    {
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        using var client = ClientFactory.Create(cluster);
        await ApplyAsync(client, Deployment("api:1", 2), "owner");
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => ApplyAsync(client, Deployment("api:1", 5), "intruder"));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, error.Response.StatusCode);
        var message = System.Text.Json.Nodes.JsonNode.Parse(error.Response.Content)!["message"]!.ToString();
        Assert.Equal("Apply failed with 1 conflict: conflict with \"owner\" using apps/v1: .spec.replicas", message);

        var forced = await ApplyAsync(client, Deployment("api:1", 5), "intruder", force: true);
        Assert.Equal(5, forced.Spec.Replicas);
        var owner = forced.Metadata.ManagedFields.Single(m => m.Manager == "owner");
        Assert.DoesNotContain("f:replicas", owner.FieldsV1.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_SameValueFromSecondManager_SharesOwnershipWithoutConflict()
    {
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        using var client = ClientFactory.Create(cluster);
        await ApplyAsync(client, Deployment("api:1", 2), "a");
        var shared = await ApplyAsync(client, Deployment("api:1", 2), "b");
        Assert.Equal(2, shared.Metadata.ManagedFields.Count(m => m.FieldsV1.ToString()!.Contains("f:replicas", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Apply_FieldDroppedFromConfig_IsRemovedWhenUnowned()
    {
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        using var client = ClientFactory.Create(cluster);
        await ApplyAsync(client, Deployment("api:1", 3), "gitops-console");
        var withoutReplicas = await ApplyAsync(client, Deployment("api:1", null), "gitops-console");
        Assert.Null(withoutReplicas.Spec.Replicas is 3 ? withoutReplicas.Spec.Replicas : null);
        Assert.Equal(1, withoutReplicas.Spec.Replicas);
    }

    [Fact]
    public async Task Apply_FieldDroppedButOwnedByAnother_IsKept()
    {
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        using var client = ClientFactory.Create(cluster);
        await ApplyAsync(client, Deployment("api:1", 3), "a");
        await ApplyAsync(client, Deployment("api:1", 3), "b");
        var result = await ApplyAsync(client, Deployment("api:1", null), "a");
        Assert.Equal(3, result.Spec.Replicas);
    }

    [Fact]
    public async Task Apply_ContainerDroppedFromConfig_IsRemovedAndOthersMergeByName()
    {
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        using var client = ClientFactory.Create(cluster);
        var two = Deployment("api:1", 1);
        two.Spec.Template.Spec.Containers.Add(new V1Container { Name = "sidecar", Image = "proxy:1", Env = [new V1EnvVar { Name = "A", Value = "1" }] });
        await ApplyAsync(client, two, "gitops-console");
        var one = await ApplyAsync(client, Deployment("api:2", 1), "gitops-console");
        var container = Assert.Single(one.Spec.Template.Spec.Containers);
        Assert.Equal("api:2", container.Image);
        var fields = System.Text.Json.Nodes.JsonNode.Parse(one.Metadata.ManagedFields.Single(m => m.Manager == "gitops-console").FieldsV1.ToString()!)!;
        var containers = fields["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!.AsObject();
        Assert.Equal(["k:{\"name\":\"api\"}"], containers.Select(p => p.Key));
    }
}
