using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Registry;

namespace GitOpsConsole.Sandbox.Tests.Registry;

public sealed class RegistryHttpTests : RegistryTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetV2_Root_ReturnsOkWithApiVersionHeader()
    {
        using var response = await Http.GetAsync("/v2/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry/2.0", Assert.Single(response.Headers.GetValues("Docker-Distribution-API-Version")));
    }

    [Fact]
    public async Task TagsList_WithN_PagesThroughLinkHeaders()
    {
        foreach (var tag in new[] { "v3", "v1", "v5", "v2", "v4" })
        {
            await PublishAsync("storefront", tag);
        }
        var seen = new List<string>();
        var next = "/v2/storefront/tags/list?n=2";
        var pages = 0;
        while (next is not null)
        {
            using var response = await Http.GetAsync(next, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal("storefront", body.RootElement.GetProperty("name").GetString());
            seen.AddRange(body.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
            next = response.Headers.TryGetValues("Link", out var link) ? ParseNext(link.Single()) : null;
            pages++;
        }

        Assert.Equal(["v1", "v2", "v3", "v4", "v5"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task TagsList_WithoutN_ReturnsAllTagsAndNoLink()
    {
        await PublishAsync("catalog", "b");
        await PublishAsync("catalog", "a");

        using var response = await Http.GetAsync("/v2/catalog/tags/list", Ct);

        Assert.False(response.Headers.Contains("Link"));
        Assert.Equal("""{"name":"catalog","tags":["a","b"]}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Manifest_GetAndHeadByTagAndDigest_ReturnExactBytesAndTheirDigest()
    {
        var image = await PublishAsync("team/app", "abc1234");

        using var byTag = await Http.GetAsync("/v2/team/app/manifests/abc1234", Ct);
        var bytes = await byTag.Content.ReadAsByteArrayAsync(Ct);
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(HttpStatusCode.OK, byTag.StatusCode);
        Assert.Equal(OciMediaTypes.ImageManifest, byTag.Content.Headers.ContentType!.MediaType);
        Assert.Equal(digest, byTag.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(image.Digest, digest);
        Assert.Equal(bytes.Length, byTag.Content.Headers.ContentLength);

        using var head = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v2/team/app/manifests/abc1234"), Ct);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(digest, head.Headers.GetValues("Docker-Content-Digest").Single());
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);

        using var byDigest = await Http.GetAsync($"/v2/team/app/manifests/{digest}", Ct);
        Assert.Equal(bytes, await byDigest.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Blob_ConfigOfManifest_CarriesTheRuntimeBehaviourLabels()
    {
        await PublishAsync("payments", "v1", ImageRuntime.Crash, startupSeconds: 7);
        using var manifest = JsonDocument.Parse(await Http.GetStringAsync("/v2/payments/manifests/v1", Ct));
        var configDigest = manifest.RootElement.GetProperty("config").GetProperty("digest").GetString();

        using var response = await Http.GetAsync($"/v2/payments/blobs/{configDigest}", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(configDigest, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var labels = JsonDocument.Parse(bytes).RootElement.GetProperty("config").GetProperty("Labels");
        Assert.Equal("crash", labels.GetProperty(ImageBehaviorLabels.Runtime).GetString());
        Assert.Equal("7", labels.GetProperty(ImageBehaviorLabels.StartupSeconds).GetString());
    }

    [Theory]
    [InlineData("/v2/nothere/tags/list", HttpStatusCode.NotFound, "NAME_UNKNOWN")]
    [InlineData("/v2/storefront/manifests/missing", HttpStatusCode.NotFound, "MANIFEST_UNKNOWN")]
    [InlineData("/v2/storefront/manifests/sha256:0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.NotFound, "MANIFEST_UNKNOWN")]
    [InlineData("/v2/storefront/blobs/sha256:0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.NotFound, "BLOB_UNKNOWN")]
    [InlineData("/v2/storefront/blobs/notadigest", HttpStatusCode.BadRequest, "DIGEST_INVALID")]
    [InlineData("/v2/Bad_Name/tags/list", HttpStatusCode.BadRequest, "NAME_INVALID")]
    [InlineData("/v2/storefront/tags/list?n=x", HttpStatusCode.BadRequest, "PAGINATION_NUMBER_INVALID")]
    public async Task Get_MissingOrInvalid_ReturnsDistributionErrorBody(string path, HttpStatusCode status, string code)
    {
        await PublishAsync("storefront", "v1");

        using var response = await Http.GetAsync(path, Ct);

        Assert.Equal(status, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var error = Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Put_Manifest_IsUnsupported()
    {
        using var response = await Http.PutAsync("/v2/storefront/manifests/v1", new StringContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("UNSUPPORTED", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_SameDataDirectory_KeepsTagsManifestsAndBehaviour()
    {
        var image = await PublishAsync("team/app", "v9", ImageRuntime.Unready, 4);

        await RestartAsync();

        Assert.Equal("""{"name":"team/app","tags":["v9"]}""", await Http.GetStringAsync("/v2/team/app/tags/list", Ct));
        using var manifest = await Http.GetAsync($"/v2/team/app/manifests/{image.Digest}", Ct);
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.Equal(new ImageBehavior(ImageRuntime.Unready, TimeSpan.FromSeconds(4)), Registry.Find($"{Registry.Host}/team/app:v9"));
    }

    private static string ParseNext(string link)
    {
        Assert.EndsWith("; rel=\"next\"", link, StringComparison.Ordinal);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
