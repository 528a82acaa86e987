using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Host;

public class ApiTokenTests
{
    private static async Task<string> TokenAsync(ConsoleFactory factory, UserRole role, DateTimeOffset? expiresAt = null)
    {
        var created = await factory.Services.GetRequiredService<ApiTokenStore>().CreateAsync($"ci-{role}-{Guid.NewGuid():N}", role, "admin", expiresAt, TestContext.Current.CancellationToken);
        return created!.Value.Token;
    }

    private static HttpClient Script(ConsoleFactory factory, string token)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent ManualEvent() => new("""{"kind":"manual","app":"catalog"}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task Bearer_OperatorToken_PostsAndReadsEvents()
    {
        await using var factory = new ConsoleFactory();
        factory.CreateClient().Dispose();
        using var client = Script(factory, await TokenAsync(factory, UserRole.Operator));

        var posted = await client.PostAsync(new Uri("/api/events", UriKind.Relative), ManualEvent(), TestContext.Current.CancellationToken);
        var listed = await client.GetAsync(new Uri("/api/events", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task Bearer_ViewerToken_CanReadButNotTrigger()
    {
        await using var factory = new ConsoleFactory();
        factory.CreateClient().Dispose();
        using var client = Script(factory, await TokenAsync(factory, UserRole.Viewer));

        var listed = await client.GetAsync(new Uri("/api/events", UriKind.Relative), TestContext.Current.CancellationToken);
        var posted = await client.PostAsync(new Uri("/api/events", UriKind.Relative), ManualEvent(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
    }

    [Theory]
    [InlineData("gitops_not-a-real-token")]
    [InlineData("")]
    public async Task Bearer_UnknownToken_401(string token)
    {
        await using var factory = new ConsoleFactory();
        using var client = Script(factory, token);

        var response = await client.GetAsync(new Uri("/api/events", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_ExpiredOrRevokedToken_401()
    {
        await using var factory = new ConsoleFactory();
        factory.CreateClient().Dispose();
        var expired = await TokenAsync(factory, UserRole.Admin, DateTimeOffset.UtcNow.AddMinutes(-1));
        var revoked = await factory.Services.GetRequiredService<ApiTokenStore>().CreateAsync("to-revoke", UserRole.Admin, "admin", null, TestContext.Current.CancellationToken);
        await factory.Services.GetRequiredService<ApiTokenStore>().RevokeAsync("to-revoke", TestContext.Current.CancellationToken);

        using var withExpired = Script(factory, expired);
        using var withRevoked = Script(factory, revoked!.Value.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await withExpired.GetAsync(new Uri("/api/events", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withRevoked.GetAsync(new Uri("/api/events", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Store_OnlyTheHashIsKept()
    {
        await using var factory = new ConsoleFactory();
        factory.CreateClient().Dispose();
        var token = await TokenAsync(factory, UserRole.Operator);

        var stored = Assert.Single(await factory.Services.GetRequiredService<ApiTokenStore>().ListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ApiTokenStore.HashOf(token), stored.Hash);
        Assert.DoesNotContain(token, stored.Hash + stored.Prefix, StringComparison.Ordinal);
        Assert.StartsWith("gitops_", token, StringComparison.Ordinal);
    }
}
