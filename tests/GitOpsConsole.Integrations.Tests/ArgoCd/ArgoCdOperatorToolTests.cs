using System.Text.Json.Nodes;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Integrations.ArgoCd;
using GitOpsConsole.Integrations.Resilience;
using GitOpsConsole.Integrations.Tests.Fakes;

namespace GitOpsConsole.Integrations.Tests.ArgoCd;

public sealed class ArgoCdOperatorToolTests : IAsyncLifetime
{
    private readonly InstantTimeProvider _time = new();
    private FakeArgoCd _argo = null!;

    public async ValueTask InitializeAsync() => _argo = await FakeArgoCd.StartAsync();

    public async ValueTask DisposeAsync() => await _argo.DisposeAsync();

    private ArgoCdOperatorTool Tool(ArgoCdOptions? options = null, Func<Application, string>? argoName = null) =>
        new(ArgoCdTestApp.Client(_argo, _time), options ?? ArgoCdTestApp.Options(_argo), _time, argoName);

    [Fact]
    public async Task SyncAsync_OperationRunsThenSucceeds_ReportsPerObjectOutcomes()
    {
        var result = await Tool().SyncAsync(ArgoCdTestApp.Storefront(), "c0ffee0123456789abcdef0123456789abcdef01", "engine:workflow", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal("c0ffee0123456789abcdef0123456789abcdef01", result.Revision);
        Assert.Contains(result.Resources, r => r.Resource.Kind == "Deployment" && r.Outcome == ResourceSyncOutcome.Configured);
        Assert.Contains(result.Resources, r => r.Resource.Kind == "Service" && r.Outcome == ResourceSyncOutcome.Unchanged);
        Assert.Contains(TimeSpan.FromSeconds(2), _time.Delays);
        Assert.True((bool)System.Text.Json.Nodes.JsonNode.Parse(_argo.Service.Matching("POST", "/api/v1/applications/storefront/sync").Single().Body)!["prune"]!);
    }

    [Fact]
    public async Task StatusAsync_RefreshesAndMapsArgoCdsVocabularyOneToOne()
    {
        _argo.Health = "Degraded";

        var status = await Tool().StatusAsync(ArgoCdTestApp.Storefront(), TestContext.Current.CancellationToken);

        Assert.Equal(SyncStatus.OutOfSync, status.Sync);
        Assert.Equal(HealthStatus.Degraded, status.Health);
        Assert.Equal("apps/v1", status.Resources[0].ApiVersion);
        Assert.Contains(_argo.Service.Requests, r => r.Path == "/api/v1/applications/storefront?refresh=normal");
    }

    [Fact]
    public async Task DiffAsync_ManagedResources_BecomeFieldDiffsAndMissingObjects()
    {
        var diffs = await Tool().DiffAsync(ArgoCdTestApp.Storefront(), null, TestContext.Current.CancellationToken);

        var deployment = Assert.Single(diffs, d => d.Resource.Kind == "Deployment");
        Assert.Equal(ResourceDiffKind.Modified, deployment.Kind);
        var field = Assert.Single(deployment.Fields);
        Assert.Equal(("spec.replicas", "3", "5"), (field.Path, field.Desired, field.Live));
        Assert.Equal(ResourceDiffKind.Missing, Assert.Single(diffs, d => d.Resource.Kind == "ConfigMap").Kind);
    }

    [Fact]
    public async Task HealthAsync_ReadsTheApplicationsHealth()
    {
        _argo.Health = "Progressing";

        var health = await Tool().HealthAsync(ArgoCdTestApp.Storefront(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Progressing, health.Status);
    }

    [Fact]
    public async Task RollbackAsync_AutoSyncOn_RefusesBeforeAskingArgoCdAndPointsAtGitRevert()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Tool().RollbackAsync(ArgoCdTestApp.Storefront(), 3, TestContext.Current.CancellationToken));

        Assert.Contains("git.revert", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_argo.Service.Matching("POST", "/api/v1/applications/storefront/rollback"));
    }

    [Fact]
    public async Task SyncAsync_ConfiguredName_UsesArgoCdsNameForTheApplication()
    {
        var app = ArgoCdTestApp.Storefront();
        app.Name = "shop";

        var result = await Tool(argoName: a => a.Name == "shop" ? "storefront" : a.Name).SyncAsync(app, null, "user:alice", TestContext.Current.CancellationToken);

        Assert.Equal("shop", result.Application);
        Assert.Single(_argo.Service.Matching("POST", "/api/v1/applications/storefront/sync"));
    }

    [Fact]
    public async Task SyncAsync_AutoSyncOn_SyncsTheTargetBranchInsteadOfARevisionArgoCdWouldRefuse()
    {
        const string head = "d00d0123456789abcdef0123456789abcdef0123";
        _argo.BranchHead = () => head;

        var result = await Tool().SyncAsync(ArgoCdTestApp.Storefront(), head, "run:1", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(head, result.Revision);
        Assert.Null(JsonNode.Parse(_argo.Service.Matching("POST", "/api/v1/applications/storefront/sync").Single().Body)!["revision"]);
    }

    [Fact]
    public async Task SyncAsync_AutoSyncOff_SendsTheRevision()
    {
        _argo.AutoSync = false;

        var result = await Tool().SyncAsync(ArgoCdTestApp.Storefront(), "beef0123456789abcdef0123456789abcdef0123", "run:1", TestContext.Current.CancellationToken);

        Assert.Equal("beef0123456789abcdef0123456789abcdef0123", result.Revision);
        Assert.Equal("beef0123456789abcdef0123456789abcdef0123", (string?)JsonNode.Parse(_argo.Service.Matching("POST", "/api/v1/applications/storefront/sync").Single().Body)!["revision"]);
    }

    [Fact]
    public async Task InspectAsync_ManagedResources_DriftedFieldOnlyNotStatusOrServerDefaults()
    {
        var inspection = await Tool().InspectAsync(ArgoCdTestApp.Storefront(), DriftFilter.None, TestContext.Current.CancellationToken);

        Assert.Equal(("storefront", "OutOfSync", "Healthy"), (inspection.ArgoApplication, inspection.SyncStatus, inspection.HealthStatus));
        var deployment = Assert.Single(inspection.Inspection.Objects, o => o.Key.Kind == "Deployment");
        var field = Assert.Single(deployment.Diff!.Fields);
        Assert.Equal(("spec.replicas", "3", "5"), (field.Path, field.Desired, field.Live));
        Assert.Equal((SyncStatus.OutOfSync, "apps/v1"), (deployment.Sync, deployment.ApiVersion));
        Assert.Equal(5, (int)deployment.Live!["status"]!["replicas"]!);
        var service = Assert.Single(inspection.Inspection.Objects, o => o.Key.Kind == "Service");
        Assert.Equal((SyncStatus.Synced, ResourceDiffKind.Equal), (service.Sync, service.Diff!.Kind));
        Assert.Equal(["/spec/replicas", ""], DriftObservation.From(inspection.Inspection).Select(o => o.Path));
    }

    [Fact]
    public async Task InspectAsync_IgnoreRuleOnTheDriftedField_ObjectCountsAsSynced()
    {
        var rule = new DriftIgnoreRule { Group = "apps", Kind = "Deployment", JsonPointer = "/spec/replicas", CreatedBy = "alice" };

        var inspection = await Tool().InspectAsync(ArgoCdTestApp.Storefront(), new DriftFilter([rule]), TestContext.Current.CancellationToken);

        var deployment = Assert.Single(inspection.Inspection.Objects, o => o.Key.Kind == "Deployment");
        Assert.Equal((SyncStatus.Synced, ResourceDiffKind.Equal), (deployment.Sync, deployment.Diff!.Kind));
    }

    [Fact]
    public async Task HistoryAsync_StatusHistory_NewestFirstWithRevisionTimeAndWhoAsked()
    {
        var history = await Tool().HistoryAsync(ArgoCdTestApp.Storefront(), TestContext.Current.CancellationToken);

        Assert.Equal([4L, 3L], history.Select(h => h.HistoryId!.Value));
        Assert.Equal(("c0ffee0123456789abcdef0123456789abcdef01", "automated", SyncPhase.Succeeded), (history[0].Revision, history[0].InitiatedBy, history[0].Result));
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T08:00:05Z", System.Globalization.CultureInfo.InvariantCulture), history[0].At);
        Assert.Equal("admin", history[1].InitiatedBy);
    }

    [Fact]
    public async Task HistoryAsync_UnknownArgoCdApplication_NamesTheSettingToFix()
    {
        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() =>
            Tool(argoName: _ => "ghost").HistoryAsync(ArgoCdTestApp.Storefront(), TestContext.Current.CancellationToken));

        Assert.Contains("404", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ArgoCd:Application", ex.Message, StringComparison.Ordinal);
        Assert.Single(_argo.Service.Requests, r => r.Path.StartsWith("/api/v1/applications/ghost", StringComparison.Ordinal));
    }
}
