using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Integrations.Tests.Operator;

[Collection(OperatorTestGroup.Name)]
public sealed class OperatorRevisionTests(OperatorCluster cluster)
{
    [Fact]
    public async Task SyncAsync_OlderRevision_AppliesItAndStatusIsOutOfSyncWithTheBranchHead()
    {
        using var harness = new OperatorHarness(cluster, "sf-older", branch: "test/sf-older");
        await harness.BranchFromMainAsync();
        var older = await harness.EditChartFileAsync("values.yaml", text => text.Replace("replicaCount: 1", "replicaCount: 2", StringComparison.Ordinal));
        await harness.EditChartFileAsync("values.yaml", text => text.Replace("replicaCount: 2", "replicaCount: 1", StringComparison.Ordinal));

        var result = await harness.SyncAsync(older[..10]);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(older, result.Revision);
        var status = await harness.Operator.StatusAsync(harness.App, TestContext.Current.CancellationToken);
        Assert.NotEqual(older, status.Revision);
        Assert.Equal(SyncStatus.OutOfSync, status.Sync);
        var diff = Assert.Single(await harness.Operator.DiffAsync(harness.App, cancellationToken: TestContext.Current.CancellationToken), d => !d.InSync);
        Assert.Equal(new FieldDiff("spec.replicas", "1", "2"), Assert.Single(diff.Fields));
    }

    [Fact]
    public async Task SyncAsync_Report_TimesComeFromTheInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var harness = new OperatorHarness(cluster, "sf-clock", time: clock);

        var result = await harness.SyncAsync();
        var status = await harness.Operator.StatusAsync(harness.App, TestContext.Current.CancellationToken);

        Assert.Equal((clock.GetUtcNow(), clock.GetUtcNow()), (result.StartedAt, result.FinishedAt));
        Assert.Equal(clock.GetUtcNow(), status.ObservedAt);
    }
}
