using System.Net;
using System.Text.Json.Nodes;
using GitOpsConsole.Integrations.ArgoCd;
using GitOpsConsole.Integrations.Resilience;
using GitOpsConsole.Integrations.Tests.Fakes;

namespace GitOpsConsole.Integrations.Tests.ArgoCd;

public sealed class ArgoCdClientTests : IAsyncLifetime
{
    private readonly InstantTimeProvider _time = new();
    private FakeArgoCd _argo = null!;

    public async ValueTask InitializeAsync() => _argo = await FakeArgoCd.StartAsync();

    public async ValueTask DisposeAsync() => await _argo.DisposeAsync();

    private ArgoCdClient Client(string token = FakeArgoCd.Token) => ArgoCdTestApp.Client(_argo, _time, token);

    [Fact]
    public async Task ListAsync_WithRefresh_AsksForANormalRefreshAndReadsSyncHealthAndHistory()
    {
        var apps = await Client().ListAsync(refresh: true, TestContext.Current.CancellationToken);

        var app = Assert.Single(apps);
        Assert.Equal("storefront", app.Name);
        Assert.Equal("OutOfSync", app.SyncStatus);
        Assert.True(app.AutoSync);
        Assert.Equal([3L, 4L], app.History.Select(h => h.Id));
        Assert.Equal("/api/v1/applications?refresh=normal", _argo.Service.Requests.Single().Path);
        Assert.Equal($"Bearer {FakeArgoCd.Token}", _argo.Service.Requests.Single().Header("Authorization"));
    }

    [Fact]
    public async Task SyncAsync_RevisionPruneDryRun_SendsThemAsArgoCdsSyncRequest()
    {
        await Client().SyncAsync("storefront", new ArgoSyncRequest("c0ffee0", Prune: true, DryRun: true), TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(Assert.Single(_argo.Service.Matching("POST", "/api/v1/applications/storefront/sync")).Body)!;
        Assert.Equal("c0ffee0", (string?)body["revision"]);
        Assert.True((bool)body["prune"]!);
        Assert.True((bool)body["dryRun"]!);
    }

    [Fact]
    public async Task ResourceTreeAndEvents_ReadNodesWithParentsAndKubernetesEvents()
    {
        var tree = await Client().ResourceTreeAsync("storefront", TestContext.Current.CancellationToken);
        var events = await Client().EventsAsync("storefront", TestContext.Current.CancellationToken);

        var pod = Assert.Single(tree, n => n.Kind == "Pod" && n.Name == "storefront-7d9f-abcde");
        Assert.Equal("Degraded", pod.HealthStatus);
        Assert.Equal(["ReplicaSet/storefront-7d9f"], pod.Parents);
        var backOff = Assert.Single(events);
        Assert.Equal(("Warning", "BackOff", 4), (backOff.Type, backOff.Reason, backOff.Count));
    }

    [Fact]
    public async Task RollbackAsync_AutoSyncOn_ArgoCdsRefusalSaysToRevertInGit()
    {
        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() => Client().RollbackAsync("storefront", 3, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("rollback cannot be initiated when auto-sync is enabled", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Git revert", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackAsync_AutoSyncOff_SendsTheHistoryId()
    {
        _argo.AutoSync = false;

        await Client().RollbackAsync("storefront", 3, cancellationToken: TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(Assert.Single(_argo.Service.Matching("POST", "/api/v1/applications/storefront/rollback")).Body)!;
        Assert.Equal(3, (long)body["id"]!);
    }

    [Fact]
    public async Task GetAsync_UnknownApplication_Says404AndWhichSettingToCheck()
    {
        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() => Client().GetAsync("payments", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Contains("applications.argoproj.io \"payments\" not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GitOps:Applications:<i>:ArgoCd:Application", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_BadToken_SaysHowToMakeOneWithoutShowingIt()
    {
        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() => Client("argocd.stolen").GetAsync("storefront", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("argocd account generate-token", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("argocd.stolen", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_PermissionDenied_NamesTheRbacPolicyLine()
    {
        _argo.Service.FailNext("POST", "/api/v1/applications/storefront/sync", 403, FakeArgoCd.Error(7, "permission denied: applications, sync, default/storefront, sub: gitops-console"));

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() => Client().SyncAsync("storefront", new ArgoSyncRequest(), TestContext.Current.CancellationToken));

        Assert.Contains("p, role:gitops-console, applications, sync, <project>/<application>, allow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_UnavailableThenTooManyRequests_RetriesHonouringRetryAfter()
    {
        _argo.Service.FailNext("GET", "/api/v1/applications/storefront", 503, FakeArgoCd.Error(14, "connection refused"));
        _argo.Service.FailNext("GET", "/api/v1/applications/storefront", 429, FakeArgoCd.Error(8, "too many requests"), ("Retry-After", "5"));

        var app = await Client().GetAsync("storefront", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("storefront", app.Name);
        Assert.Equal(3, _argo.Service.Matching("GET", "/api/v1/applications/storefront").Count);
        Assert.Equal(TimeSpan.FromSeconds(5), _time.Delays[^1]);
    }

    [Fact]
    public async Task SyncAsync_BadGateway_IsNotSentTwiceAndReportsTheFailure()
    {
        // A 502 may come after Argo CD started the sync: sending it again could start a second one.
        _argo.Service.FailNext("POST", "/api/v1/applications/storefront/sync", 502, FakeArgoCd.Error(14, "upstream connect error"));

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() => Client().SyncAsync("storefront", new ArgoSyncRequest(), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Single(_argo.Service.Matching("POST", "/api/v1/applications/storefront/sync"));
    }

    [Fact]
    public async Task SyncAsync_UnavailableWithRetryAfter_IsSentAgainAfterTheWait()
    {
        _argo.Service.FailNext("POST", "/api/v1/applications/storefront/sync", 503, FakeArgoCd.Error(14, "the server is shutting down"), ("Retry-After", "4"));

        var app = await Client().SyncAsync("storefront", new ArgoSyncRequest(), TestContext.Current.CancellationToken);

        Assert.Equal("storefront", app.Name);
        Assert.Equal(2, _argo.Service.Matching("POST", "/api/v1/applications/storefront/sync").Count);
        Assert.Equal(TimeSpan.FromSeconds(4), _time.Delays[^1]);
    }

    [Fact]
    public async Task SyncAsync_TooManyRequestsWithoutRetryAfter_IsNotSentAgain()
    {
        _argo.Service.FailNext("POST", "/api/v1/applications/storefront/sync", 429, FakeArgoCd.Error(8, "too many requests"));

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() => Client().SyncAsync("storefront", new ArgoSyncRequest(), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Single(_argo.Service.Matching("POST", "/api/v1/applications/storefront/sync"));
    }
}
