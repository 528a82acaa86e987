using k8s;
using k8s.Autorest;
using k8s.Models;
using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Client;

public sealed class ConcurrencyAndListClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static V1ConfigMap ConfigMap(string name, Dictionary<string, string>? labels = null) =>
        new() { Metadata = new V1ObjectMeta { Name = name, Labels = labels }, Data = new Dictionary<string, string> { ["k"] = "v" } };

    [Fact]
    public async Task Replace_WithStaleResourceVersion_Throws409()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = ClientFactory.Create(cluster);
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("cas"), "default", cancellationToken: Ct);
        created.Data["k"] = "first";
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "cas", "default", cancellationToken: Ct);
        created.Data["k"] = "second";
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "cas", "default", cancellationToken: Ct));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("the object has been modified", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_LabelAndFieldSelectors_Filter()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = ClientFactory.Create(cluster);
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("web", new() { ["tier"] = "web" }), "default", cancellationToken: Ct);
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("db", new() { ["tier"] = "db" }), "default", cancellationToken: Ct);
        var byLabel = await client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "tier in (db)", cancellationToken: Ct);
        Assert.Equal("db", Assert.Single(byLabel.Items).Metadata.Name);
        var byField = await client.CoreV1.ListConfigMapForAllNamespacesAsync(fieldSelector: "metadata.name=web", cancellationToken: Ct);
        Assert.Equal("web", Assert.Single(byField.Items).Metadata.Name);
    }

    [Fact]
    public async Task List_WithLimit_PagesWithContinueTokens()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = ClientFactory.Create(cluster);
        for (var i = 0; i < 5; i++)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"p{i}"), "default", cancellationToken: Ct);
        }
        var first = await client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, cancellationToken: Ct);
        Assert.Equal(2, first.Items.Count);
        Assert.Equal(3, first.Metadata.RemainingItemCount);
        var second = await client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: first.Metadata.ContinueProperty, cancellationToken: Ct);
        var third = await client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: second.Metadata.ContinueProperty, cancellationToken: Ct);
        Assert.Null(third.Metadata.ContinueProperty);
        Assert.Equal(["p0", "p1", "p2", "p3", "p4"], first.Items.Concat(second.Items).Concat(third.Items).Select(c => c.Metadata.Name));
    }
}
