using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Tokens;
using GitOpsConsole.Web.Tests.Host;
using GitOpsConsole.Web.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Api;

public class RunsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpClient> ClientAsync(ConsoleFactory factory, UserRole role)
    {
        var created = await factory.Services.GetRequiredService<ApiTokenStore>().CreateAsync($"runs-{role}-{Guid.NewGuid():N}", role, "admin", null, Ct);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created!.Value.Token);
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task Get_NotSignedIn_401()
    {
        await using var factory = new ConsoleFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/api/runs", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_Filters_ReturnOnlyMatchingRunsWithTotal()
    {
        await using var factory = new ConsoleFactory();
        factory.CreateClient().Dispose();
        await RunSeed.FinishedAsync(factory.Services, "storefront", "aaaaaaa1111111", RunStatus.Succeeded);
        await RunSeed.FinishedAsync(factory.Services, "catalog", "bbbbbbb2222222", RunStatus.RolledBack);
        await RunSeed.FinishedAsync(factory.Services, "storefront", "ccccccc3333333", RunStatus.Failed, "CI build b-9 failed");
        using var client = await ClientAsync(factory, UserRole.Viewer);

        var storefront = await JsonAsync(client, "/api/runs?app=storefront");
        var failed = await JsonAsync(client, "/api/runs?status=failed&engine=Workflow");

        Assert.Equal(2, storefront.GetProperty("total").GetInt32());
        Assert.All(storefront.GetProperty("items").EnumerateArray(), i => Assert.Equal("storefront", i.GetProperty("app").GetString()));
        var item = Assert.Single(failed.GetProperty("items").EnumerateArray());
        Assert.Equal("Failed", item.GetProperty("status").GetString());
        Assert.Equal("CI build b-9 failed", item.GetProperty("reason").GetString());
        Assert.Equal("Workflow", item.GetProperty("engine").GetString());
        Assert.Equal("ccccccc3333333", item.GetProperty("trigger").GetProperty("commit").GetString());
        Assert.Equal("Push", item.GetProperty("trigger").GetProperty("kind").GetString());
        Assert.Equal(1, item.GetProperty("metrics").GetProperty("toolCalls").GetInt32());
        Assert.True(item.GetProperty("metrics").GetProperty("wallTimeSeconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task Get_Paging_NewestFirstPagesAndTotal()
    {
        await using var factory = new ConsoleFactory();
        factory.CreateClient().Dispose();
        var shas = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            shas.Add($"{i}{i}{i}{i}{i}{i}{i}0000000");
            await RunSeed.FinishedAsync(factory.Services, "storefront", shas[^1], RunStatus.Succeeded);
        }

        using var client = await ClientAsync(factory, UserRole.Viewer);

        var first = await JsonAsync(client, "/api/runs?page=0&pageSize=2");
        var last = await JsonAsync(client, "/api/runs?page=2&pageSize=2");

        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal([shas[4], shas[3]], first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trigger").GetProperty("commit").GetString()));
        Assert.Equal([shas[0]], last.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trigger").GetProperty("commit").GetString()));
    }

    [Theory]
    [InlineData("/api/runs?status=Done", "status 'Done'")]
    [InlineData("/api/runs?engine=Robot", "engine 'Robot'")]
    [InlineData("/api/runs?pageSize=500", "pageSize")]
    [InlineData("/api/runs?page=-1", "page must be")]
    public async Task Get_BadQuery_400NamingTheParameter(string url, string named)
    {
        await using var factory = new ConsoleFactory();
        factory.CreateClient().Dispose();
        using var client = await ClientAsync(factory, UserRole.Viewer);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOne_UnknownRun_404AndCancelUnknown404()
    {
        await using var factory = new ConsoleFactory();
        factory.CreateClient().Dispose();
        using var client = await ClientAsync(factory, UserRole.Operator);
        var id = Guid.NewGuid();

        using var get = await client.GetAsync(new Uri($"/api/runs/{id}", UriKind.Relative), Ct);
        using var cancel = await client.PostAsync(new Uri($"/api/runs/{id}/cancel", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Contains(id.ToString(), await get.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_QueuedRun_202AndCancelledThenViewerForbidden()
    {
        await using var factory = new ConsoleFactory();
        factory.CreateClient().Dispose();
        var run = await RunSeed.QueueAsync(factory.Services, "catalog", "ddddddd4444444");
        using var viewer = await ClientAsync(factory, UserRole.Viewer);
        using var operatorClient = await ClientAsync(factory, UserRole.Operator);

        using var forbidden = await viewer.PostAsync(new Uri($"/api/runs/{run.Id}/cancel", UriKind.Relative), null, Ct);
        using var accepted = await operatorClient.PostAsync(new Uri($"/api/runs/{run.Id}/cancel", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var detail = await JsonAsync(operatorClient, $"/api/runs/{run.Id}");
        Assert.Equal("Cancelled", detail.GetProperty("status").GetString());
        Assert.Contains("Cancelled by token:runs-Operator-", detail.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_RunsEndpoints_DocumentedUnderRunsWithTheirAnswers()
    {
        await using var factory = new ConsoleFactory();
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));

        var paths = document.RootElement.GetProperty("paths");
        var list = paths.GetProperty("/api/runs").GetProperty("get");
        Assert.Equal("Runs", Assert.Single(list.GetProperty("tags").EnumerateArray()).GetString());
        Assert.True(list.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(paths.GetProperty("/api/runs/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        var cancel = paths.GetProperty("/api/runs/{id}/cancel").GetProperty("post").GetProperty("responses");
        Assert.True(cancel.TryGetProperty("202", out _) && cancel.TryGetProperty("409", out _));
        var run = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("RunJson").GetProperty("properties");
        Assert.True(run.TryGetProperty("metrics", out _) && run.TryGetProperty("trigger", out _));
    }

    [Fact]
    public async Task GitPush_RunFinished_DetailHasStepsCommitsAndCancelIs409()
    {
        await using var factory = WithSandbox();
        factory.CreateClient().Dispose();
        var work = Path.Combine(factory.DataDirectory, "work");
        await GitAsync(factory.DataDirectory, "clone", Path.Combine(factory.DataDirectory, "sandbox", "git", "storefront.git"), work);
        await File.WriteAllTextAsync(Path.Combine(work, "app", "VERSION"), "3.0.0\n", Ct);
        await GitAsync(work, "-c", "user.name=Dev", "-c", "user.email=dev@example.test", "commit", "-am", "Storefront 3.0.0");
        var pushed = (await GitAsync(work, "rev-parse", "HEAD")).Trim();
        await GitAsync(work, "push", "origin", "HEAD:main");
        using var client = await ClientAsync(factory, UserRole.Operator);

        var id = await EventuallyAsync(async () =>
        {
            var page = await JsonAsync(client, "/api/runs?app=storefront");
            return page.GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("trigger").GetProperty("commit").GetString() == pushed && i.GetProperty("finishedAt").ValueKind != JsonValueKind.Null)
                .Select(i => i.GetProperty("id").GetString()).FirstOrDefault();
        }, TimeSpan.FromSeconds(120), $"the run of {pushed[..7]} finished");
        var detail = await JsonAsync(client, $"/api/runs/{id}");
        using var cancel = await client.PostAsync(new Uri($"/api/runs/{id}/cancel", UriKind.Relative), null, Ct);

        Assert.Equal("Succeeded", detail.GetProperty("status").GetString());
        Assert.Equal(["ci.trigger_build", "ci.get_build", "values.set_image_tag", "operator.sync", "cluster.health"],
            detail.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("tool").GetString()));
        var setTag = detail.GetProperty("steps")[2];
        Assert.Equal(detail.GetProperty("deployCommit").GetString(), setTag.GetProperty("output").GetProperty("commitSha").GetString());
        Assert.Equal("storefront", setTag.GetProperty("input").GetProperty("app").GetString());
        Assert.EndsWith($":{pushed[..7]}", detail.GetProperty("image").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, detail.GetProperty("metrics").GetProperty("commitsMade").GetInt32());
        Assert.True(detail.GetProperty("metrics").GetProperty("timeToHealthySeconds").GetDouble() > 0);
        Assert.Equal(0, detail.GetProperty("trace").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("decision").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Contains("already ended", await cancel.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
