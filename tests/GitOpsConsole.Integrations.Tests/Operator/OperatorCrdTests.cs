using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using k8s;

namespace GitOpsConsole.Integrations.Tests.Operator;

[Collection(OperatorTestGroup.Name)]
public sealed class OperatorCrdTests(OperatorCluster cluster)
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gizmos.example.com
        spec:
          group: example.com
          scope: Namespaced
          names:
            kind: Gizmo
            plural: gizmos
            singular: gizmo
            listKind: GizmoList
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
        """;

    [Fact]
    public async Task SyncAsync_ChartWithCrdAndItsCustomResource_AppliesCrdFirstThenTheResource()
    {
        using var harness = new OperatorHarness(cluster, "sf-crd", branch: "test/sf-crd");
        await harness.BranchFromMainAsync();
        await harness.EditChartFileAsync("crds/gizmos.yaml", _ => Crd + "\n");
        await harness.EditChartFileAsync("templates/gizmo.yaml", _ => "apiVersion: example.com/v1\nkind: Gizmo\nmetadata:\n  name: spinner\nspec:\n  speed: 3\n");

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Message);
        var kinds = result.Resources.Select(r => r.Resource.Kind).ToList();
        Assert.True(kinds.IndexOf("CustomResourceDefinition") < kinds.IndexOf("Gizmo"), string.Join(",", kinds));
        Assert.Equal(new ResourceKey("example.com", "Gizmo", "sf-crd", "spinner"), Assert.Single(result.Resources, r => r.Resource.Kind == "Gizmo").Resource);
        var gizmo = await cluster.Kubernetes.CustomObjects.GetNamespacedCustomObjectAsync("example.com", "v1", "sf-crd", "gizmos", "spinner",
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("\"speed\":3", System.Text.Json.JsonSerializer.Serialize(gizmo), StringComparison.Ordinal);
        var status = await harness.WaitForStatusAsync(s => s.Health == HealthStatus.Healthy);
        Assert.Equal(SyncStatus.Synced, status.Sync);
    }
}
