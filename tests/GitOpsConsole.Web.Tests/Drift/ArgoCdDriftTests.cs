using System.Net;
using System.Text.Json.Nodes;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Integrations.Tests.ArgoCd;
using GitOpsConsole.Web.Drift;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Drift;

/// <summary>
/// storefront with <c>Operator: ArgoCd</c> against a loopback Argo CD: Argo CD's diff (its managed resources) on the
/// Drift page, in <c>GET /api/apps/{app}/drift</c> and as findings, pushed by the refresher; Argo CD's refusals as
/// messages; the application's Argo CD name in every call. No sandbox: Argo CD is the operator here.
/// </summary>
public sealed class ArgoCdDriftTests : IAsyncLifetime
{
    private FakeArgoCd _argo = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _argo = await FakeArgoCd.StartAsync();

    public async ValueTask DisposeAsync() => await _argo.DisposeAsync();

    [Fact]
    public async Task AppDrift_ArgoCdApplication_AnswersArgoCdsFieldDiffWithoutStatus()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();

        var drift = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/apps/storefront/drift", UriKind.Relative), Ct))!;

        Assert.Equal(("Argo CD", "storefront", "OutOfSync", "Healthy"),
            ((string?)drift["source"], (string?)drift["argoApplication"], (string?)drift["sync"], (string?)drift["health"]));
        var objects = drift["objects"]!.AsArray();
        var deployment = objects.Single(o => (string?)o!["kind"] == "Deployment")!;
        var field = Assert.Single(deployment["fields"]!.AsArray())!;
        Assert.Equal(("/spec/replicas", "3", "5"), ((string?)field["path"], (string?)field["desired"], (string?)field["live"]));
        Assert.Equal(("Synced", "Equal"), ((string?)objects.Single(o => (string?)o!["kind"] == "Service")!["sync"], (string?)objects.Single(o => (string?)o!["kind"] == "Service")!["diff"]));
        Assert.Equal("Missing", (string?)objects.Single(o => (string?)o!["kind"] == "ConfigMap")!["diff"]);
    }

    [Fact]
    public async Task Refresher_LiveValueChangesInArgoCd_UpdatesTheFindingAndPublishesToTheDriftFeed()
    {
        await using var factory = Console();
        factory.CreateClient().Dispose();
        var store = factory.Services.GetRequiredService<DriftStore>();
        var finding = await SandboxTestKit.EventuallyAsync(async () =>
            (await store.ListAsync("storefront", open: true, cancellationToken: Ct)).FirstOrDefault(f => f.Finding.Path == "/spec/replicas"), TimeSpan.FromSeconds(30), "Argo CD's replicas drift as a finding");
        var published = new TaskCompletionSource<DriftChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = factory.Services.GetRequiredService<DriftFeed>().Subscribe(change =>
        {
            if (change.Application == "storefront" && factory.Services.GetRequiredService<ArgoCdDriftRefresher>().Latest("storefront")?.Fingerprint.Contains("\"replicas\":7", StringComparison.Ordinal) == true)
            {
                published.TrySetResult(change);
            }
        });

        _argo.LiveReplicas = 7;
        factory.Services.GetRequiredService<ArgoCdDriftRefresher>().Request("storefront");

        await published.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var updated = Assert.Single(await store.ListAsync("storefront", open: true, cancellationToken: Ct), f => f.Finding.Path == "/spec/replicas");
        Assert.Equal((finding.Finding.Id, "7", "3"), (updated.Finding.Id, updated.Finding.Live, updated.Finding.Desired));
        Assert.DoesNotContain(await store.ListAsync("storefront", open: null, cancellationToken: Ct), f => f.Finding.Path.StartsWith("/status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DriftPage_ArgoCdApplication_ShowsArgoCdsDiffAndStatusOnTheCard()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();
        await ReadAsync(factory);
        await SandboxTestKit.EventuallyAsync(async () =>
            (await factory.Services.GetRequiredService<DriftStore>().ListAsync("storefront", open: true, cancellationToken: Ct)) is { Count: > 0 } open ? open : null,
            TimeSpan.FromSeconds(30), "storefront's findings");

        var page = await client.GetStringAsync(new Uri("/drift", UriKind.Relative), Ct);

        var card = Card(page, "storefront");
        Assert.Contains("from Argo CD · storefront · OutOfSync · Healthy", WebUtility.HtmlDecode(card), StringComparison.Ordinal);
        Assert.Contains("/spec/replicas", card, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"drift-diff\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"self-heal\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("argo-source", Card(page, "catalog"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DriftPage_TokenRefused_CardAndApiSayWhatToFix()
    {
        await using var factory = Console(("GitOps:ArgoCd:Token", "argocd.expired"));
        using var client = factory.CreateClient();
        var view = await SandboxTestKit.EventuallyAsync(() => Task.FromResult(factory.Services.GetRequiredService<ArgoCdDriftRefresher>().Latest("storefront")),
            TimeSpan.FromSeconds(30), "storefront read from Argo CD");

        var page = await client.GetStringAsync(new Uri("/drift", UriKind.Relative), Ct);
        using var api = await client.GetAsync(new Uri("/api/apps/storefront/drift", UriKind.Relative), Ct);

        Assert.Contains("401", view.Error, StringComparison.Ordinal);
        var card = WebUtility.HtmlDecode(Card(page, "storefront"));
        Assert.Contains("data-testid=\"argo-error\"", card, StringComparison.Ordinal);
        Assert.Contains("argocd account generate-token", card, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, api.StatusCode);
        Assert.Contains("the token is invalid or expired", await api.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("argocd.expired", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppDetail_ArgoCdApplication_SyncsAreArgoCdsDeploymentsNewestFirst()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();

        var app = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/apps/storefront", UriKind.Relative), Ct))!;

        var syncs = app["syncs"]!.AsArray();
        Assert.Equal([4L, 3L], syncs.Select(s => (long)s!["historyId"]!));
        Assert.Equal(("c0ffee0123456789abcdef0123456789abcdef01", "automated"), ((string?)syncs[0]!["revision"], (string?)syncs[0]!["initiatedBy"]));
        Assert.Equal("admin", (string?)syncs[1]!["initiatedBy"]);
        Assert.Null(app["syncsError"]);
    }

    [Fact]
    public async Task AppDetail_UnknownArgoCdApplication_NoSyncsAndSaysWhy()
    {
        await using var factory = Console(("GitOps:Applications:0:ArgoCd:Application", "ghost"));
        using var client = factory.CreateClient();

        var app = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/apps/storefront", UriKind.Relative), Ct))!;

        Assert.Empty(app["syncs"]!.AsArray());
        var error = (string?)app["syncsError"];
        Assert.StartsWith("Argo CD's history could not be read: ", error, StringComparison.Ordinal);
        Assert.Contains("404", error, StringComparison.Ordinal);
        Assert.Contains("ghost", error, StringComparison.Ordinal);
        Assert.Equal("storefront", (string?)app["name"]);
    }

    [Fact]
    public async Task AppDrift_UnknownArgoCdApplication_502NamingTheSetting()
    {
        await using var factory = Console(("GitOps:Applications:0:ArgoCd:Application", "ghost"));
        using var client = factory.CreateClient();

        using var api = await client.GetAsync(new Uri("/api/apps/storefront/drift", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadGateway, api.StatusCode);
        var detail = (string?)JsonNode.Parse(await api.Content.ReadAsStringAsync(Ct))!["detail"];
        Assert.Contains("404", detail, StringComparison.Ordinal);
        Assert.Contains("Argo CD application ghost", detail, StringComparison.Ordinal);
        Assert.Contains("GitOps:Applications:<i>:ArgoCd:Application", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppDrift_ArgoCdServerError_502WithWhatArgoCdSaidAndTheCardKeepsTheFindings()
    {
        await using var factory = Console(("GitOps:ArgoCd:MaxRetries", "0"));
        using var client = factory.CreateClient();
        await ReadAsync(factory);
        _argo.Service.FailNext("GET", "/api/v1/applications/storefront/managed-resources", 503, FakeArgoCd.Error(14, "repository server unavailable"));

        using var api = await client.GetAsync(new Uri("/api/apps/storefront/drift", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadGateway, api.StatusCode);
        Assert.Contains("503", (string?)JsonNode.Parse(await api.Content.ReadAsStringAsync(Ct))!["detail"], StringComparison.Ordinal);
        Assert.Contains("repository server unavailable", factory.Services.GetRequiredService<ArgoCdDriftRefresher>().Latest("storefront")!.Error, StringComparison.Ordinal);
        Assert.Single(await factory.Services.GetRequiredService<DriftStore>().ListAsync("storefront", open: true, cancellationToken: Ct), f => f.Finding.Path == "/spec/replicas");
    }

    [Fact]
    public async Task AppDrift_ArgoCdUnreachable_502NamingTheServer()
    {
        await using var factory = ArgoCdConsole.Create(_argo, ("GitOps:ArgoCd:ServerUrl", "http://127.0.0.1:9/"), ("GitOps:ArgoCd:MaxRetries", "0"));
        using var client = factory.CreateClient();

        using var api = await client.GetAsync(new Uri("/api/apps/storefront/drift", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadGateway, api.StatusCode);
        Assert.Contains("Argo CD at http://127.0.0.1:9/ could not be reached", (string?)JsonNode.Parse(await api.Content.ReadAsStringAsync(Ct))!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArgoCdApplicationSetting_Overridden_EveryCallUsesArgoCdsName()
    {
        _argo.Name = "storefront-dev";
        await using var factory = Console(("GitOps:Applications:0:ArgoCd:Application", "storefront-dev"));
        using var client = factory.CreateClient();

        using var api = await client.GetAsync(new Uri("/api/apps/storefront/drift", UriKind.Relative), Ct);
        var history = await factory.Services.GetRequiredService<Core.Toolbox.IOperatorTool>().HistoryAsync(await ArgoCdConsole.AppAsync(factory, "storefront"), Ct);

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(2, history.Count);
        Assert.NotEmpty(_argo.Service.Matching("GET", "/api/v1/applications/storefront-dev/managed-resources"));
        Assert.All(_argo.Service.Requests, r => Assert.StartsWith("/api/v1/applications/storefront-dev", r.Path, StringComparison.Ordinal));
    }

    private ConsoleFactory Console(params (string Key, string Value)[] extra) => ArgoCdConsole.Create(_argo, extra);

    private static Task<ArgoCdDriftView> ReadAsync(ConsoleFactory factory) =>
        SandboxTestKit.EventuallyAsync(() => Task.FromResult(factory.Services.GetRequiredService<ArgoCdDriftRefresher>().Latest("storefront") is { Inspection: not null } view ? view : null),
            TimeSpan.FromSeconds(30), "storefront read from Argo CD");

    // The card's markup up to the next application's card.
    private static string Card(string page, string app)
    {
        var start = page.IndexOf($"data-testid=\"drift-app-{app}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no card for {app} on the page");
        var next = page.IndexOf("data-testid=\"drift-app-", start + 10, StringComparison.Ordinal);
        return next < 0 ? page[start..] : page[start..next];
    }
}
