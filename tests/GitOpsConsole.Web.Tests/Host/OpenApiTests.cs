using System.Net;
using System.Text.Json;

namespace GitOpsConsole.Web.Tests.Host;

/// <summary><c>/openapi/v1.json</c> documents the HTTP surface without a sign-in.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private readonly ConsoleFactory _factory = new();
    private JsonDocument? _document;

    private JsonElement Root => _document!.RootElement;

    public async ValueTask InitializeAsync()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        _document?.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public void Document_Anonymous_IsOpenApi3WithTheConsolesTitle()
    {
        Assert.StartsWith("3.", Root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("GitOps Console", Root.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public void Document_EventsApi_ListsGetAndPostWithTokenOrCookie()
    {
        var events = Root.GetProperty("paths").GetProperty("/api/events");

        Assert.True(events.TryGetProperty("get", out _));
        var post = events.GetProperty("post");
        var schemes = post.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
        Assert.Equal(["apiToken", "cookie"], schemes);
        Assert.True(post.GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(post.TryGetProperty("requestBody", out _));
    }

    [Theory]
    [InlineData("/webhooks/github", "githubSignature")]
    [InlineData("/webhooks/registry", "registryToken")]
    [InlineData("/webhooks/generic", "genericSignature")]
    public void Document_Webhooks_ListedWithTheirOwnAuthentication(string path, string scheme)
    {
        var post = Root.GetProperty("paths").GetProperty(path).GetProperty("post");

        Assert.Equal(scheme, Assert.Single(Assert.Single(post.GetProperty("security").EnumerateArray()).EnumerateObject()).Name);
        Assert.Equal("Webhooks", Assert.Single(post.GetProperty("tags").EnumerateArray()).GetString());
    }

    [Fact]
    public void Document_SecuritySchemes_BearerTokenAndCookie()
    {
        var schemes = Root.GetProperty("components").GetProperty("securitySchemes");

        Assert.Equal("bearer", schemes.GetProperty("apiToken").GetProperty("scheme").GetString());
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
    }

    [Fact]
    public void Document_Schemas_CamelCaseWithEnumsAsStrings()
    {
        var schemas = Root.GetProperty("components").GetProperty("schemas");

        Assert.True(schemas.GetProperty("RecordedEventSchema").GetProperty("properties").TryGetProperty("eventId", out _));
        var kinds = schemas.GetProperty("TriggerKind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("Push", kinds);
        Assert.Contains("ImageRelease", kinds);
    }

    [Fact]
    public void Document_QuestionsApi_ListsOpenQuestionsAndAnswerWithItsRefusals()
    {
        var paths = Root.GetProperty("paths");
        var answer = paths.GetProperty("/api/questions/{id}/answer").GetProperty("post");

        Assert.True(paths.GetProperty("/api/questions").TryGetProperty("get", out _));
        Assert.Equal(["200", "400", "404", "409"], answer.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order());
        Assert.True(paths.GetProperty("/api/runs/{id}/instructions").GetProperty("post").GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(Root.GetProperty("components").GetProperty("schemas").GetProperty("QuestionJson").GetProperty("properties").TryGetProperty("expiresAt", out _));
    }

    [Fact]
    public void Document_OnlyApiAndWebhookPaths()
    {
        Assert.All(Root.GetProperty("paths").EnumerateObject(), p =>
            Assert.True(p.Name.StartsWith("/api/", StringComparison.Ordinal) || p.Name.StartsWith("/webhooks/", StringComparison.Ordinal), p.Name));
    }
}
