using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Auditing;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Data.Tokens;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Drift;

/// <summary>The apps and drift API's answers: who may call what, and the refusals of bad input (no sandbox: nothing syncs).</summary>
public class AppsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpClient> ClientAsync(ConsoleFactory factory, UserRole role)
    {
        var created = await factory.Services.GetRequiredService<ApiTokenStore>().CreateAsync($"api-{role}-{Guid.NewGuid():N}", role, "admin", null, Ct);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created!.Value.Token);
        return client;
    }

    private static async Task<ConsoleFactory> StartedAsync()
    {
        var factory = new ConsoleFactory();
        factory.CreateClient().Dispose();
        return factory;
    }

    [Theory]
    [InlineData("GET", "/api/apps")]
    [InlineData("GET", "/api/apps/catalog")]
    [InlineData("GET", "/api/drift")]
    [InlineData("POST", "/api/apps/catalog/sync")]
    [InlineData("PUT", "/api/apps/catalog/self-heal")]
    [InlineData("POST", "/api/drift/ignore")]
    public async Task Anonymous_AnyAppsOrDriftEndpoint_401(string method, string path)
    {
        await using var factory = await StartedAsync();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/apps/catalog/sync", "{}")]
    [InlineData("PUT", "/api/apps/catalog/self-heal", "{\"enabled\":true}")]
    [InlineData("POST", "/api/drift/ignore", "{\"app\":\"catalog\",\"group\":\"apps\",\"kind\":\"Deployment\",\"path\":\"/spec/replicas\"}")]
    public async Task Viewer_Mutation_403(string method, string path, string body)
    {
        await using var factory = await StartedAsync();
        using var client = await ClientAsync(factory, UserRole.Viewer);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetApps_Viewer_ListsTheSeededAppsWithDriftCounts()
    {
        await using var factory = await StartedAsync();
        await factory.Services.GetRequiredService<DriftStore>().ReconcileAsync("catalog",
            [new DriftObservation(new ResourceKey("apps", "Deployment", "catalog", "catalog"), "/spec/replicas", "1", "5")], _ => (DriftResolution.Converged, null), Ct);
        using var client = await ClientAsync(factory, UserRole.Viewer);

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/apps", UriKind.Relative), Ct));

        var apps = json.RootElement.EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        Assert.Equal(["catalog", "payments", "storefront"], apps.Keys.Order());
        Assert.Equal(1, apps["catalog"].GetProperty("driftCount").GetInt32());
        Assert.Equal(0, apps["storefront"].GetProperty("driftCount").GetInt32());
        Assert.Equal("Agent", apps["payments"].GetProperty("engine").GetString());
        Assert.Equal("Unknown", apps["payments"].GetProperty("sync").GetString());
    }

    [Fact]
    public async Task GetApp_WithDrift_ShowsOpenFindingsAsJsonValues()
    {
        await using var factory = await StartedAsync();
        await factory.Services.GetRequiredService<DriftStore>().ReconcileAsync("catalog",
            [new DriftObservation(new ResourceKey("apps", "Deployment", "catalog", "catalog"), "/spec/replicas", "1", "5")], _ => (DriftResolution.Converged, null), Ct);
        using var client = await ClientAsync(factory, UserRole.Viewer);

        using var app = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/apps/catalog", UriKind.Relative), Ct));
        using var drift = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/drift?app=catalog&status=open", UriKind.Relative), Ct));

        var finding = Assert.Single(app.RootElement.GetProperty("drift").EnumerateArray().ToList());
        Assert.Equal(5, finding.GetProperty("live").GetInt32());
        Assert.Equal("/spec/replicas", finding.GetProperty("path").GetString());
        Assert.Equal("Deployment", finding.GetProperty("object").GetProperty("kind").GetString());
        Assert.Equal(0, app.RootElement.GetProperty("syncs").GetArrayLength());
        Assert.Equal(1, drift.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/apps/nope")]
    [InlineData("/api/drift?app=nope")]
    public async Task Get_UnknownApp_404(string path)
    {
        await using var factory = await StartedAsync();
        using var client = await ClientAsync(factory, UserRole.Viewer);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nope", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDrift_BadStatus_400NamingIt()
    {
        await using var factory = await StartedAsync();
        using var client = await ClientAsync(factory, UserRole.Viewer);

        using var response = await client.GetAsync(new Uri("/api/drift?status=closed", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'status' must be open or resolved", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_UnknownApp_404()
    {
        await using var factory = await StartedAsync();
        using var client = await ClientAsync(factory, UserRole.Operator);

        using var response = await client.PostAsJsonAsync("/api/apps/nope/sync", new { }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("not a revision!")]
    [InlineData("main..evil")]
    public async Task Sync_MalformedRevision_400AndNothingAudited(string revision)
    {
        await using var factory = await StartedAsync();
        using var client = await ClientAsync(factory, UserRole.Operator);

        using var response = await client.PostAsJsonAsync("/api/apps/catalog/sync", new { revision }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a revision", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var audit = await factory.Services.GetRequiredService<AuditQuery>().PageAsync(new AuditFilter(Action: DriftAuditActions.SyncRequested), 0, 10, Ct);
        Assert.Equal(0, audit.Total);
    }

    [Fact]
    public async Task SelfHeal_Operator_StoredAuditedAndShown()
    {
        await using var factory = await StartedAsync();
        using var client = await ClientAsync(factory, UserRole.Operator);

        using var response = await client.PutAsJsonAsync("/api/apps/catalog/self-heal", new { enabled = true }, Ct);
        using var app = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/apps/catalog", UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(app.RootElement.GetProperty("selfHeal").GetBoolean());
        var audit = await factory.Services.GetRequiredService<AuditQuery>().PageAsync(new AuditFilter(Action: DriftAuditActions.SelfHealSwitch), 0, 10, Ct);
        Assert.Equal("catalog", Assert.Single(audit.Items).Target);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"enabled\":null}")]
    public async Task SelfHeal_NoEnabled_400(string body)
    {
        await using var factory = await StartedAsync();
        using var client = await ClientAsync(factory, UserRole.Operator);

        using var response = await client.PutAsync(new Uri("/api/apps/catalog/self-heal", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SelfHeal_UnknownApp_404()
    {
        await using var factory = await StartedAsync();
        using var client = await ClientAsync(factory, UserRole.Operator);

        using var response = await client.PutAsJsonAsync("/api/apps/nope/self-heal", new { enabled = false }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"app\":\"catalog\",\"group\":\"apps\",\"kind\":\"Deployment\",\"path\":\"spec.replicas\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"app\":\"catalog\",\"group\":\"apps\",\"path\":\"/spec/replicas\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"app\":\"nope\",\"group\":\"apps\",\"kind\":\"Deployment\",\"path\":\"/spec/replicas\"}", HttpStatusCode.NotFound)]
    public async Task Ignore_BadRule_RefusedAndNothingStored(string body, HttpStatusCode expected)
    {
        await using var factory = await StartedAsync();
        using var client = await ClientAsync(factory, UserRole.Operator);

        using var response = await client.PostAsync(new Uri("/api/drift/ignore", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await factory.Services.GetRequiredService<DriftIgnoreRules>().ForAsync("catalog", Ct));
    }

    [Fact]
    public async Task Ignore_Operator_ResolvesTheFindingAsIgnoredByTheTokenUser()
    {
        await using var factory = await StartedAsync();
        var store = factory.Services.GetRequiredService<DriftStore>();
        await store.ReconcileAsync("catalog",
            [new DriftObservation(new ResourceKey("apps", "Deployment", "catalog", "catalog"), "/spec/replicas", "1", "5")], _ => (DriftResolution.Converged, null), Ct);
        using var client = await ClientAsync(factory, UserRole.Operator);

        using var response = await client.PostAsJsonAsync("/api/drift/ignore", new { app = "catalog", group = "apps", kind = "Deployment", name = "catalog", path = "/spec/replicas" }, Ct);
        using var resolved = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/drift?app=catalog&status=resolved", UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var finding = Assert.Single(resolved.RootElement.EnumerateArray().ToList());
        Assert.Equal("Ignored", finding.GetProperty("resolution").GetString());
        Assert.StartsWith("token:api-Operator-", finding.GetProperty("resolvedBy").GetString(), StringComparison.Ordinal);
    }
}
