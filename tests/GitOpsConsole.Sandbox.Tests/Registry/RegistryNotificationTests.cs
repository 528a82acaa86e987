using System.Diagnostics;
using System.Text.Json;
using GitOpsConsole.Sandbox.Registry;
using GitOpsConsole.Sandbox.Tests.Support;

namespace GitOpsConsole.Sandbox.Tests.Registry;

public sealed class RegistryNotificationTests : RegistryTestBase
{
    private WebhookListener _flaky = null!;
    private WebhookListener _healthy = null!;

    // The third endpoint is a port nothing listens on, so every attempt fails.
    protected override IReadOnlyList<Uri> Endpoints => [_flaky.Url, _healthy.Url, new Uri("http://127.0.0.1:9/dead")];

    public override async ValueTask InitializeAsync()
    {
        _flaky = await WebhookListener.StartAsync(failFirst: 1);
        _healthy = await WebhookListener.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _flaky.DisposeAsync();
        await _healthy.DisposeAsync();
    }

    [Fact]
    public async Task Publish_SendsPushEventInDistributionFormat()
    {
        await using var deliveries = _healthy.Deliveries();

        var image = await PublishAsync("team/app", "abc1234");

        var (contentType, body) = await deliveries.NextAsync();
        Assert.Equal("application/vnd.docker.distribution.events.v1+json", contentType);
        using var json = JsonDocument.Parse(body);
        var e = Assert.Single(json.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal("push", e.GetProperty("action").GetString());
        Assert.True(Guid.TryParse(e.GetProperty("id").GetString(), out _));
        Assert.True(e.TryGetProperty("timestamp", out _));
        var target = e.GetProperty("target");
        Assert.Equal(OciMediaTypes.ImageManifest, target.GetProperty("mediaType").GetString());
        Assert.Equal(image.Digest, target.GetProperty("digest").GetString());
        Assert.Equal(image.Size, target.GetProperty("size").GetInt64());
        Assert.Equal("team/app", target.GetProperty("repository").GetString());
        Assert.Equal("abc1234", target.GetProperty("tag").GetString());
        Assert.Equal($"http://{Registry.Host}/v2/team/app/manifests/{image.Digest}", target.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Object, e.GetProperty("request").ValueKind);
        Assert.Equal(JsonValueKind.Object, e.GetProperty("actor").ValueKind);
        Assert.EndsWith($":{Registry.Port}", e.GetProperty("source").GetProperty("addr").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(e.GetProperty("source").GetProperty("instanceID").GetString()));
    }

    [Fact]
    public async Task Publish_EndpointFailsFirst_RetriesTheSameEvent()
    {
        await using var deliveries = _flaky.Deliveries();

        await PublishAsync("storefront", "v1");

        var first = await deliveries.NextAsync();
        var retry = await deliveries.NextAsync();
        Assert.Equal(EventId(first.Body), EventId(retry.Body));
    }

    [Fact]
    public async Task Publish_WithDeadEndpoint_DoesNotWaitForDelivery()
    {
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 5; i++)
        {
            await PublishAsync("storefront", $"v{i}");
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"publishing took {clock.Elapsed}");
        Assert.Equal(5, Registry.ListTags("storefront").Count);
    }

    private static string EventId(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("events")[0].GetProperty("id").GetString()!;
}
