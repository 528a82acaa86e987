using System.Net;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.Registry;
using GitOpsConsole.Integrations.Resilience;
using GitOpsConsole.Integrations.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Integrations.Tests.Registry;

public sealed class OciRegistryClientTests : IAsyncLifetime
{
    private const string TagsPath = "/v2/acme/storefront/tags/list";
    private readonly InstantTimeProvider _time = new();
    private FakeRegistry _registry = null!;

    public async ValueTask InitializeAsync() => _registry = await FakeRegistry.StartAsync();

    public async ValueTask DisposeAsync() => await _registry.DisposeAsync();

    private RegistryOptions Options() => new() { Host = "registry.loopback", ApiUrl = _registry.Service.BaseUri.AbsoluteUri, MaxRetries = 3 };

    private OciRegistryClient Client(RegistryOptions? options = null, RegistryCredential? credential = null) =>
        OciRegistryClientFactory.Create(options ?? Options(), credential, _time, NullLogger.Instance);

    [Fact]
    public async Task ListTagsAsync_ThreePages_FollowsLinkHeadersAfterTheTokenChallenge()
    {
        var tags = await Client().ListTagsAsync("acme/storefront", TestContext.Current.CancellationToken);

        Assert.Equal(250, tags.Count);
        Assert.Equal(_registry.Tags.Order(StringComparer.Ordinal), tags);
        var pages = _registry.Service.Matching("GET", TagsPath);
        Assert.Equal(4, pages.Count);
        Assert.Null(pages[0].Header("Authorization"));
        Assert.Contains("last=1.0.99", pages[2].Path, StringComparison.Ordinal);
        Assert.Equal(1, _registry.TokensIssued);
        Assert.Contains("scope=repository%3Aacme%2Fstorefront%3Apull", _registry.Service.Matching("GET", "/token").Single().Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDigestAsync_Head_ReusesTheCachedTokenAndAnswersTheDigest()
    {
        var client = Client();
        await client.ListTagsAsync("acme/storefront", TestContext.Current.CancellationToken);

        var digest = await client.GetDigestAsync("acme/storefront", "1.2.49", TestContext.Current.CancellationToken);

        Assert.Equal(FakeRegistry.Digest, digest);
        var head = Assert.Single(_registry.Service.Matching("HEAD", "/v2/acme/storefront/manifests/1.2.49"));
        Assert.Contains("application/vnd.oci.image.index.v1+json", head.Header("Accept"), StringComparison.Ordinal);
        Assert.Equal(1, _registry.TokensIssued);
    }

    [Fact]
    public async Task ListTagsAsync_AskedAgainWithinCacheDuration_IsServedFromMemory()
    {
        var client = Client();
        await client.ListTagsAsync("acme/storefront", TestContext.Current.CancellationToken);
        var before = _registry.Service.Requests.Count;

        await client.ListTagsAsync("acme/storefront", TestContext.Current.CancellationToken);
        Assert.Equal(before, _registry.Service.Requests.Count);

        _time.Advance(TimeSpan.FromMinutes(2));
        await client.ListTagsAsync("acme/storefront", TestContext.Current.CancellationToken);
        Assert.True(_registry.Service.Requests.Count > before);
    }

    [Fact]
    public async Task ListTagsAsync_TokenExpired_FetchesANewOne()
    {
        _registry.ExpiresIn = 60;
        var client = Client();
        await client.GetDigestAsync("acme/storefront", "1.0.1", TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromMinutes(5));
        await client.GetDigestAsync("acme/storefront", "1.0.2", TestContext.Current.CancellationToken);

        Assert.Equal(2, _registry.TokensIssued);
    }

    [Fact]
    public async Task ListTagsAsync_Burst_IsPacedAtTheConfiguredRate()
    {
        var options = Options();
        options.RequestsPerSecond = 2;

        await Client(options).ListTagsAsync("acme/storefront", TestContext.Current.CancellationToken);

        // 4 tag pages + 1 token request at 2/s with a burst of 2: the later ones wait half a second each.
        Assert.Contains(TimeSpan.FromSeconds(0.5), _time.Delays);
    }

    [Fact]
    public async Task ListTagsAsync_CredentialsConfigured_SendsThemToTheTokenServiceOnly()
    {
        _registry.Credentials = ("robot$ci", "harbor-secret-123");

        var tags = await Client(credential: new RegistryCredential("robot$ci", "harbor-secret-123")).ListTagsAsync("acme/storefront", TestContext.Current.CancellationToken);

        Assert.Equal(250, tags.Count);
        Assert.StartsWith("Basic ", _registry.Service.Matching("GET", "/token").Single().Header("Authorization"), StringComparison.Ordinal);
        Assert.All(_registry.Service.Matching("GET", TagsPath).Skip(1), r => Assert.StartsWith("Bearer ", r.Header("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListTagsAsync_WrongPassword_SaysWhichSettingsToFixWithoutThePassword()
    {
        _registry.Credentials = ("robot$ci", "harbor-secret-123");

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() =>
            Client(credential: new RegistryCredential("robot$ci", "wrong-secret-456")).ListTagsAsync("acme/storefront", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("incorrect username or password", ex.Message, StringComparison.Ordinal);
        Assert.Contains("PasswordEnvironmentVariable", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-456", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDigestAsync_UnknownRepositoryOrTag_Says404()
    {
        var unknownRepository = await Assert.ThrowsAsync<ServiceRequestException>(() => Client().ListTagsAsync("acme/unknown", TestContext.Current.CancellationToken));
        var unknownTag = await Assert.ThrowsAsync<ServiceRequestException>(() => Client().GetDigestAsync("acme/storefront", "9.9.9", TestContext.Current.CancellationToken));

        Assert.Contains("NAME_UNKNOWN", unknownRepository.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownTag.StatusCode);
        Assert.Contains("ImageRepository", unknownTag.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTagsAsync_TooManyRequestsThenServerError_RetriesHonouringRetryAfter()
    {
        _registry.Service.FailNext("GET", TagsPath, 429, """{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit."}]}""", ("Retry-After", "11"));
        _registry.Service.FailNext("GET", TagsPath, 500, """{"errors":[{"code":"UNKNOWN","message":"unknown error"}]}""");

        var tags = await Client().ListTagsAsync("acme/storefront", TestContext.Current.CancellationToken);

        Assert.Equal(250, tags.Count);
        Assert.Contains(TimeSpan.FromSeconds(11), _time.Delays);
    }

    [Fact]
    public async Task ListTagsAsync_RetryAfterBeyondTheCap_ReportsTheLimitInsteadOfStalling()
    {
        _registry.Service.FailNext("GET", TagsPath, 429, """{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit."}]}""", ("Retry-After", "21600"));

        var ex = await Assert.ThrowsAsync<ServiceRequestException>(() => Client().ListTagsAsync("acme/storefront", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Contains("lower RequestsPerSecond", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TimeSpan.FromSeconds(21600), _time.Delays);
    }
}
