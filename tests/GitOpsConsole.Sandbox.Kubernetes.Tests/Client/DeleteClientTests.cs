using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;
using k8s;
using k8s.Models;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Client;

/// <summary>KubernetesClient's typed deletes expect what a real API server answers: the object for pods, a Status for most kinds.</summary>
public sealed class DeleteClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeletePod_TypedClient_GetsThePodBack()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = ClientFactory.Create(cluster);
        var pod = new V1Pod { Metadata = new V1ObjectMeta { Name = "doomed" }, Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = "busybox" }] } };
        await client.CoreV1.CreateNamespacedPodAsync(pod, "default", cancellationToken: Ct);

        var deleted = await client.CoreV1.DeleteNamespacedPodAsync("doomed", "default", cancellationToken: Ct);

        Assert.Equal("doomed", deleted.Metadata.Name);
        Assert.Equal("Pod", deleted.Kind);
    }

    [Fact]
    public async Task DeleteConfigMap_TypedClient_GetsAStatus()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = ClientFactory.Create(cluster);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "gone" } }, "default", cancellationToken: Ct);

        var status = await client.CoreV1.DeleteNamespacedConfigMapAsync("gone", "default", cancellationToken: Ct);

        Assert.Equal("Success", status.Status);
    }
}
