using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Drift;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Data.Tests;

public class DriftStoreTests : IAsyncLifetime
{
    private static readonly ResourceKey Deployment = new("apps", "Deployment", "catalog", "catalog");
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly DriftFeed _feed = new();
    private readonly List<DriftChange> _published = [];

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _feed.Subscribe(_published.Add);
        await new ApplicationCatalog(_database.Factory, _time).SyncAsync(
            [new ApplicationOptions { Name = "catalog", Environment = "staging", Repository = "sandbox:catalog" }], TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private DriftStore Store() => new(_database.Factory, _feed, _time);

    private static DriftResolver By(DriftResolution resolution, string? who) => _ => (resolution, who);

    private static DriftObservation Replicas(string live) => new(Deployment, "/spec/replicas", "2", live);

    [Fact]
    public async Task ReconcileAsync_NewDifference_OpensAFindingWithBothValues()
    {
        var change = await Store().ReconcileAsync("catalog", [Replicas("4")], By(DriftResolution.Converged, null), TestContext.Current.CancellationToken);

        var finding = Assert.Single(await Store().ListAsync("catalog", open: true, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal((1, 0, 0), (change.Opened, change.Updated, change.Resolved));
        Assert.Equal(("/spec/replicas", "2", "4"), (finding.Finding.Path, finding.Finding.Desired, finding.Finding.Live));
        Assert.Equal(Deployment, finding.Resource);
        Assert.Equal(_time.GetUtcNow(), finding.Finding.DetectedAt);
        Assert.Single(_published);
    }

    [Fact]
    public async Task ReconcileAsync_SameDifferenceAgain_StaysOneFindingWithTheNewLiveValue()
    {
        await Store().ReconcileAsync("catalog", [Replicas("4")], By(DriftResolution.Converged, null), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(5));

        await Store().ReconcileAsync("catalog", [Replicas("4")], By(DriftResolution.Converged, null), TestContext.Current.CancellationToken);
        await Store().ReconcileAsync("catalog", [Replicas("5")], By(DriftResolution.Converged, null), TestContext.Current.CancellationToken);

        var finding = Assert.Single(await Store().ListAsync("catalog", open: null, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("5", finding.Finding.Live);
        Assert.Equal(_time.GetUtcNow().AddSeconds(-5), finding.Finding.DetectedAt);
        Assert.Equal(2, _published.Count);
    }

    [Fact]
    public async Task ReconcileAsync_DifferenceGone_ResolvedWithHowAndWho()
    {
        await Store().ReconcileAsync("catalog", [Replicas("4")], By(DriftResolution.Converged, null), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(2));

        var change = await Store().ReconcileAsync("catalog", [], By(DriftResolution.Sync, "alice"), TestContext.Current.CancellationToken);

        Assert.Equal(1, change.Resolved);
        Assert.Empty(await Store().ListAsync("catalog", open: true, cancellationToken: TestContext.Current.CancellationToken));
        var resolved = Assert.Single(await Store().ListAsync("catalog", open: false, cancellationToken: TestContext.Current.CancellationToken)).Finding;
        Assert.Equal((DriftResolution.Sync, "alice", _time.GetUtcNow()), (resolved.Resolution, resolved.ResolvedBy, resolved.ResolvedAt));
    }

    [Fact]
    public async Task ReconcileAsync_DriftReturnsAfterResolution_OpensANewFinding()
    {
        await Store().ReconcileAsync("catalog", [Replicas("4")], By(DriftResolution.Converged, null), TestContext.Current.CancellationToken);
        await Store().ReconcileAsync("catalog", [], By(DriftResolution.SelfHeal, "self-heal"), TestContext.Current.CancellationToken);

        await Store().ReconcileAsync("catalog", [Replicas("4")], By(DriftResolution.Converged, null), TestContext.Current.CancellationToken);

        Assert.Single(await Store().ListAsync("catalog", open: true, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(2, (await Store().ListAsync("catalog", open: null, cancellationToken: TestContext.Current.CancellationToken)).Count);
        Assert.Equal(1, (await Store().OpenCountsAsync(TestContext.Current.CancellationToken))["catalog"]);
    }

    [Fact]
    public async Task ReconcileAsync_NothingChanged_PublishesNothing()
    {
        await Store().ReconcileAsync("catalog", [], By(DriftResolution.Converged, null), TestContext.Current.CancellationToken);

        Assert.Empty(_published);
        Assert.Empty(await Store().OpenCountsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IgnoreAsync_CoveringRule_ResolvesOpenFindingsAsIgnoredByTheUser()
    {
        var other = new DriftObservation(Deployment, "/spec/template/spec/containers/name=web/image", "\"a\"", "\"b\"");
        await Store().ReconcileAsync("catalog", [Replicas("4"), other], By(DriftResolution.Converged, null), TestContext.Current.CancellationToken);
        var rules = new DriftIgnoreRules(_database.Factory, _feed, _time);

        var result = await rules.AddAsync("catalog", "apps", "Deployment", null, "/spec/replicas", "alice", TestContext.Current.CancellationToken);

        Assert.Equal(1, result!.Resolved);
        var ignored = Assert.Single(await Store().ListAsync("catalog", open: false, cancellationToken: TestContext.Current.CancellationToken)).Finding;
        Assert.Equal((DriftResolution.Ignored, "alice"), (ignored.Resolution, ignored.ResolvedBy));
        Assert.Equal(other.Path, Assert.Single(await Store().ListAsync("catalog", open: true, cancellationToken: TestContext.Current.CancellationToken)).Finding.Path);
        Assert.Equal("/spec/replicas", Assert.Single(await rules.ForAsync("catalog", TestContext.Current.CancellationToken)).JsonPointer);
    }

    [Fact]
    public async Task IgnoreAsync_UnknownApplication_Null()
    {
        var rules = new DriftIgnoreRules(_database.Factory, _feed, _time);

        Assert.Null(await rules.AddAsync("nope", "apps", "Deployment", null, "/spec/replicas", "alice", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CatalogSync_DeclaredIgnoreDifferences_BecomeConfigRulesAndLeaveWithConfiguration()
    {
        var catalog = new ApplicationCatalog(_database.Factory, _time);
        var rules = new DriftIgnoreRules(_database.Factory, _feed, _time);
        await rules.AddAsync("catalog", "", "ConfigMap", "settings", "/data", "alice", TestContext.Current.CancellationToken);
        var declared = new ApplicationOptions
        {
            Name = "catalog", Environment = "staging", Repository = "sandbox:catalog",
            IgnoreDifferences = [new IgnoreDifferenceOptions { Group = "apps", Kind = "Deployment", JsonPointers = ["/spec/replicas", "/metadata/annotations"] }],
        };

        await catalog.SyncAsync([declared], TestContext.Current.CancellationToken);
        var withRules = await rules.ForAsync("catalog", TestContext.Current.CancellationToken);
        declared.IgnoreDifferences.Clear();
        await catalog.SyncAsync([declared], TestContext.Current.CancellationToken);
        var without = await rules.ForAsync("catalog", TestContext.Current.CancellationToken);

        Assert.Equal(["/data", "/metadata/annotations", "/spec/replicas"], withRules.Select(r => r.JsonPointer).Order());
        Assert.All(withRules.Where(r => r.Kind == "Deployment"), r => Assert.Equal("config", r.CreatedBy));
        Assert.Equal("alice", Assert.Single(without).CreatedBy);
    }
}
