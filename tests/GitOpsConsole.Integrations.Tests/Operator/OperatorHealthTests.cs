using GitOpsConsole.Core.Domain;
using GitOpsConsole.Sandbox.Kubernetes;

namespace GitOpsConsole.Integrations.Tests.Operator;

[Collection(OperatorTestGroup.Name)]
public sealed class OperatorHealthTests(OperatorCluster cluster)
{
    [Fact]
    public async Task SyncAsync_RevisionWhoseImageCrashes_Degraded()
    {
        using var harness = new OperatorHarness(cluster, "sf-crash", branch: "test/sf-crash");
        await harness.BranchFromMainAsync();
        var sha = await harness.CommitImageAsync(ImageRuntime.Crash);
        var deploy = await harness.SetImageTagAsync(sha[..7]);

        var result = await harness.SyncAsync(deploy);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(deploy, result.Revision);
        var status = await harness.WaitForStatusAsync(s => s.Health == HealthStatus.Degraded);
        Assert.Equal(SyncStatus.Synced, status.Sync);
        var deployment = Assert.Single(status.Resources, r => r.Resource.Kind == "Deployment");
        Assert.Equal(HealthStatus.Degraded, deployment.Health);
        Assert.Contains("Pod sf-crash-", deployment.HealthMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_ImageTagMissingFromRegistry_DegradedByImagePull()
    {
        using var harness = new OperatorHarness(cluster, "sf-noimage", repository: "payments", branch: "test/sf-noimage");
        await harness.BranchFromMainAsync();
        await harness.SetImageTagAsync("0000000");

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Message);
        var status = await harness.WaitForStatusAsync(s => s.Health == HealthStatus.Degraded);
        Assert.Matches("ErrImagePull|ImagePullBackOff", status.HealthMessage);
    }

    [Fact]
    public async Task StatusAsync_NeverSynced_OutOfSyncAndMissing()
    {
        using var harness = new OperatorHarness(cluster, "sf-never");

        var status = await harness.Operator.StatusAsync(harness.App, TestContext.Current.CancellationToken);

        Assert.Equal((SyncStatus.OutOfSync, HealthStatus.Missing), (status.Sync, status.Health));
        Assert.All(status.Resources, r => Assert.Equal(HealthStatus.Missing, r.Health));
    }
}
