using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using k8s;

namespace GitOpsConsole.Integrations.Tests.Operator;

[Collection(OperatorTestGroup.Name)]
public sealed class OperatorPlainManifestTests(OperatorCluster cluster)
{
    // Quoted scalars that YAML 1.1 would otherwise read as a boolean, a number or null must reach the server as strings.
    private const string Manifests = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          enabled: "yes"
          version: "1.10"
          mode: "0755"
          empty: "~"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: elsewhere
          namespace: sf-plain-other
        data:
          note: kept in its own namespace
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: sf-plain-other
        """;

    [Fact]
    public async Task SyncAsync_PlainManifestFolder_AppliesWithTypesKeptAndNamespacesDefaulted()
    {
        using var harness = new OperatorHarness(cluster, "sf-plain", branch: "test/sf-plain");
        harness.App.Path = "manifests";
        await harness.BranchFromMainAsync();
        await harness.EditFileAsync("manifests/all.yaml", _ => Manifests + "\n");

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Message);
        var kinds = result.Resources.Select(r => (r.Resource.Kind, r.Resource.Name)).ToList();
        Assert.Equal(("Namespace", "Namespace"), (kinds[0].Kind, kinds[1].Kind));
        Assert.Contains(new ResourceKey("", "ConfigMap", "sf-plain", "settings"), result.Resources.Select(r => r.Resource));
        Assert.Contains(new ResourceKey("", "ConfigMap", "sf-plain-other", "elsewhere"), result.Resources.Select(r => r.Resource));
        var settings = await cluster.Kubernetes.CoreV1.ReadNamespacedConfigMapAsync("settings", "sf-plain", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(new Dictionary<string, string> { ["enabled"] = "yes", ["version"] = "1.10", ["mode"] = "0755", ["empty"] = "~" }, settings.Data);
        var status = await harness.WaitForStatusAsync(s => s.Health == HealthStatus.Healthy);
        Assert.Equal(SyncStatus.Synced, status.Sync);
    }
}
