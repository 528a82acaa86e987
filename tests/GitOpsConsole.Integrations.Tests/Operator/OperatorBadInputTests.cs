using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using k8s;

namespace GitOpsConsole.Integrations.Tests.Operator;

[Collection(OperatorTestGroup.Name)]
public sealed class OperatorBadInputTests(OperatorCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SyncAsync_ChartThatFailsToRender_FailedWithRendererMessageAndNothingApplied()
    {
        using var harness = new OperatorHarness(cluster, "sf-norender", branch: "test/sf-norender");
        await harness.BranchFromMainAsync();
        var broken = await harness.EditChartFileAsync("templates/deployment.yaml",
            text => text.Replace("spec:\n  replicas:", "spec:\n  minReadySeconds: {{ required \"image.digest is required\" .Values.image.digest }}\n  replicas:", StringComparison.Ordinal));

        var result = await harness.SyncAsync();

        Assert.Equal(SyncPhase.Failed, result.Phase);
        Assert.Equal(broken, result.Revision);
        Assert.Contains("image.digest is required", result.Message, StringComparison.Ordinal);
        Assert.Empty(result.Resources);
        Assert.False(await NamespaceExistsAsync("sf-norender"));
        var status = await harness.Operator.StatusAsync(harness.App, Ct);
        Assert.Equal(SyncStatus.Unknown, status.Sync);
        Assert.Contains("image.digest is required", status.Error, StringComparison.Ordinal);
        var diff = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Operator.DiffAsync(harness.App, cancellationToken: Ct));
        Assert.Contains("image.digest is required", diff.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_UnknownKind_PerObjectErrorAndNothingApplied()
    {
        using var harness = new OperatorHarness(cluster, "sf-unknown", branch: "test/sf-unknown");
        await harness.BranchFromMainAsync();
        await harness.EditChartFileAsync("templates/widget.yaml", _ => "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: gadget\n");

        var result = await harness.SyncAsync();

        Assert.Equal(SyncPhase.Failed, result.Phase);
        var widget = Assert.Single(result.Resources, r => r.Resource.Kind == "Widget");
        Assert.Equal(ResourceSyncOutcome.Failed, widget.Outcome);
        Assert.Contains("no resource type for kind Widget in example.com/v1", widget.Message, StringComparison.Ordinal);
        Assert.Contains("templates/widget.yaml", widget.Message, StringComparison.Ordinal);
        Assert.All(result.Resources.Where(r => r != widget), r => Assert.Equal(ResourceSyncOutcome.Skipped, r.Outcome));
        Assert.False(await NamespaceExistsAsync("sf-unknown"));
    }

    [Fact]
    public async Task SyncAsync_UnknownRevision_FailedNamingTheRevision()
    {
        using var harness = new OperatorHarness(cluster, "sf-norev");

        var result = await harness.SyncAsync("no-such-branch");

        Assert.Equal(SyncPhase.Failed, result.Phase);
        Assert.Null(result.Revision);
        Assert.Contains("no-such-branch", result.Message, StringComparison.Ordinal);
    }

    private Task<bool> NamespaceExistsAsync(string name) =>
        ClusterReads.ExistsAsync(() => cluster.Kubernetes.CoreV1.ReadNamespaceAsync(name, cancellationToken: Ct));
}
