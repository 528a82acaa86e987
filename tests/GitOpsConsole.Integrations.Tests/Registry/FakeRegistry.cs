using System.Text;
using System.Text.Json.Nodes;
using GitOpsConsole.Integrations.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Integrations.Tests.Registry;

/// <summary>
/// An OCI distribution registry with a token service, as Docker Hub, GHCR and Harbor behave:
/// <c>/v2/</c> requests without a valid bearer token get 401 with a <c>WWW-Authenticate: Bearer</c>
/// challenge; <c>/token</c> hands out tokens (Basic credentials when a user is set); tag lists page
/// by <c>n</c>/<c>last</c> with <c>Link</c> headers; HEAD on a manifest answers its digest.
/// </summary>
internal sealed class FakeRegistry : IAsyncDisposable
{
    public const string Digest = "sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b";

    public LoopbackService Service { get; private set; } = null!;

    public List<string> Tags { get; } = [.. Enumerable.Range(0, 250).Select(i => $"1.{i / 100}.{i % 100}")];

    /// <summary>Basic credentials the token service demands; null = anonymous tokens.</summary>
    public (string User, string Password)? Credentials { get; set; }

    public int TokensIssued { get; private set; }

    public int ExpiresIn { get; set; } = 300;

    public static async Task<FakeRegistry> StartAsync()
    {
        var fake = new FakeRegistry();
        fake.Service = await LoopbackService.StartAsync(fake.Map);
        return fake;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/token", (HttpContext c) =>
        {
            if (Credentials is { } credentials
                && c.Request.Headers.Authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.User}:{credentials.Password}")))
            {
                return Answer.Json(c, 401, """{"details":"incorrect username or password"}""");
            }

            TokensIssued++;
            var token = $"tok-{TokensIssued}-{c.Request.Query["scope"]}";
            return Answer.Json(c, 200, new JsonObject { ["token"] = token, ["access_token"] = token, ["expires_in"] = ExpiresIn, ["issued_at"] = "2026-11-26T08:00:00Z" }.ToJsonString());
        });
        app.MapMethods("/v2/{**rest}", ["GET", "HEAD"], (HttpContext c, string rest) =>
        {
            var (name, kind, reference) = Split(rest);
            var scope = $"repository:{name}:pull";
            if (!c.Request.Headers.Authorization.ToString().EndsWith(scope, StringComparison.Ordinal))
            {
                c.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Service.BaseUri}token\",service=\"registry.loopback\",scope=\"{scope}\"";
                return Answer.Json(c, 401, $$"""{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Name":"{{name}}","Action":"pull"}]}]}""");
            }

            if (name != "acme/storefront")
            {
                return Answer.Json(c, 404, """{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"acme/unknown"}}]}""");
            }

            return kind == "tags" ? TagsPage(c, name) : Manifest(c, reference);
        });
    }

    private Task TagsPage(HttpContext c, string name)
    {
        var n = int.TryParse(c.Request.Query["n"], out var size) ? size : Tags.Count;
        var last = c.Request.Query["last"].ToString();
        var sorted = Tags.Order(StringComparer.Ordinal).ToList();
        var page = sorted.Where(t => last.Length == 0 || string.CompareOrdinal(t, last) > 0).Take(n).ToList();
        if (page.Count == n && sorted[^1] != page[^1])
        {
            c.Response.Headers.Link = $"</v2/{name}/tags/list?last={Uri.EscapeDataString(page[^1])}&n={n}>; rel=\"next\"";
        }

        return Answer.Json(c, 200, new JsonObject { ["name"] = name, ["tags"] = new JsonArray([.. page.Select(t => JsonValue.Create(t))]) }.ToJsonString());
    }

    private Task Manifest(HttpContext c, string reference)
    {
        if (!Tags.Contains(reference))
        {
            return Answer.Json(c, 404, """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"missing"}}]}""");
        }

        c.Response.Headers["Docker-Content-Digest"] = Digest;
        c.Response.ContentType = "application/vnd.oci.image.index.v1+json";
        c.Response.ContentLength = 1609;
        return Task.CompletedTask;
    }

    private static (string Name, string Kind, string Reference) Split(string rest)
    {
        if (rest.EndsWith("/tags/list", StringComparison.Ordinal))
        {
            return (rest[..^"/tags/list".Length], "tags", "");
        }

        var at = rest.LastIndexOf("/manifests/", StringComparison.Ordinal);
        return at < 0 ? (rest, "", "") : (rest[..at], "manifests", rest[(at + "/manifests/".Length)..]);
    }

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
