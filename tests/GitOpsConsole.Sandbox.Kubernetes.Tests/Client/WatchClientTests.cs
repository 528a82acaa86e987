using System.Threading.Channels;
using k8s;
using k8s.Models;
using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Client;

public sealed class WatchClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static V1ConfigMap ConfigMap(string name, string? tier = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = tier is null ? null : new Dictionary<string, string> { ["tier"] = tier } },
    };

    [Fact]
    public async Task Watch_FromResourceVersion_DeliversChangesInOrder()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = ClientFactory.Create(cluster);
        var start = (await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Metadata.ResourceVersion;
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("w"), "default", cancellationToken: Ct);
        created.Data = new Dictionary<string, string> { ["x"] = "1" };
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "w", "default", cancellationToken: Ct);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("w", "default", cancellationToken: Ct);

        var events = await CollectAsync(client, start, null, 3);
        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        var versions = events.Select(e => long.Parse(e.Object.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    [Fact]
    public async Task Watch_LabelSelector_ReportsObjectLeavingSelectionAsDeleted()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = ClientFactory.Create(cluster);
        var start = (await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Metadata.ResourceVersion;
        var web = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a", "web"), "default", cancellationToken: Ct);
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("b", "db"), "default", cancellationToken: Ct);
        web.Metadata.Labels["tier"] = "db";
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(web, "a", "default", cancellationToken: Ct);

        var events = await CollectAsync(client, start, "tier=web", 2);
        Assert.Equal([WatchEventType.Added, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal("a", e.Object.Metadata.Name));
    }

    [Fact]
    public async Task Watch_ResourceVersionOutsideWindow_Gets410Expired()
    {
        await using var cluster = await TestCluster.StartAsync(watchWindow: 3);
        using var client = ClientFactory.Create(cluster);
        var start = (await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Metadata.ResourceVersion;
        for (var i = 0; i < 6; i++)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"c{i}"), "default", cancellationToken: Ct);
        }
        using var response = await cluster.Http.GetAsync($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={start}", HttpCompletionOption.ResponseHeadersRead, Ct);
        var line = await new StreamReader(await response.Content.ReadAsStreamAsync(Ct)).ReadLineAsync(Ct);
        var error = System.Text.Json.Nodes.JsonNode.Parse(line!)!;
        Assert.Equal("ERROR", error["type"]!.ToString());
        Assert.Equal(410, error["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", error["object"]!["reason"]!.ToString());
    }

    [Fact]
    public async Task KubernetesClientWatch_ResourceVersionOutsideWindow_ReportsExpired410()
    {
        await using var cluster = await TestCluster.StartAsync(watchWindow: 3);
        using var client = ClientFactory.Create(cluster);
        var start = (await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Metadata.ResourceVersion;
        for (var i = 0; i < 6; i++)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"c{i}"), "default", cancellationToken: Ct);
        }
        var errors = new List<Exception>();
        var events = new List<WatchEventType>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        await foreach (var (type, _) in client.CoreV1.WatchListNamespacedConfigMapAsync("default", resourceVersion: start, onError: errors.Add, cancellationToken: cts.Token))
        {
            events.Add(type);
        }
        var expired = Assert.IsType<KubernetesException>(errors.Single());
        Assert.Equal(410, expired.Status.Code);
        Assert.Equal("Expired", expired.Status.Reason);
        Assert.Empty(events);
    }

    [Fact]
    public async Task LegacyWatchPath_SingleObject_StreamsItsChanges()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var client = ClientFactory.Create(cluster);
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("legacy"), "default", cancellationToken: Ct);
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("other"), "default", cancellationToken: Ct);
        using var response = await cluster.Http.GetAsync($"/api/v1/watch/namespaces/default/configmaps/legacy?resourceVersion={created.Metadata.ResourceVersion}", HttpCompletionOption.ResponseHeadersRead, Ct);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        created.Data = new Dictionary<string, string> { ["k"] = "v" };
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "legacy", "default", cancellationToken: Ct);
        var line = System.Text.Json.Nodes.JsonNode.Parse((await reader.ReadLineAsync(Ct))!)!;
        Assert.Equal("MODIFIED", line["type"]!.ToString());
        Assert.Equal("legacy", line["object"]!["metadata"]!["name"]!.ToString());
    }

    [Fact]
    public async Task Watch_AllowBookmarks_SendsBookmarkWithCurrentVersion()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cluster = await TestCluster.StartAsync(time: time);
        using var response = await cluster.Http.GetAsync("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1&allowWatchBookmarks=true", HttpCompletionOption.ResponseHeadersRead, Ct);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        var read = reader.ReadLineAsync(Ct).AsTask();
        await Eventually.TrueAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(31));
            return read.IsCompleted;
        }, "a bookmark after the bookmark interval");
        var bookmark = System.Text.Json.Nodes.JsonNode.Parse((await read)!)!;
        Assert.Equal("BOOKMARK", bookmark["type"]!.ToString());
        Assert.False(string.IsNullOrEmpty(bookmark["object"]!["metadata"]!["resourceVersion"]!.ToString()));
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_EndsStream()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cluster = await TestCluster.StartAsync(time: time);
        using var response = await cluster.Http.GetAsync("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1&timeoutSeconds=5", HttpCompletionOption.ResponseHeadersRead, Ct);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        var read = reader.ReadToEndAsync(Ct);
        await Eventually.TrueAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(6));
            return read.IsCompleted;
        }, "the watch to end after timeoutSeconds");
        Assert.Equal("", await read);
    }

    private static async Task<List<(WatchEventType Type, V1ConfigMap Object)>> CollectAsync(k8s.Kubernetes client, string resourceVersion, string? selector, int count)
    {
        var channel = Channel.CreateUnbounded<(WatchEventType, V1ConfigMap)>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(15));
        var watching = Task.Run(async () =>
        {
            var stream = client.CoreV1.WatchListNamespacedConfigMapAsync("default",
                resourceVersion: resourceVersion, labelSelector: selector, cancellationToken: cts.Token);
            await foreach (var (type, item) in stream)
            {
                await channel.Writer.WriteAsync((type, item), cts.Token);
            }
        }, cts.Token);
        var events = new List<(WatchEventType, V1ConfigMap)>();
        while (events.Count < count)
        {
            events.Add(await channel.Reader.ReadAsync(cts.Token));
        }
        await cts.CancelAsync();
        try
        {
            await watching;
        }
        catch (OperationCanceledException)
        {
            // Expected: the watch was cancelled once enough events arrived.
        }
        return events;
    }
}
