using System.Collections.Concurrent;
using GitOpsConsole.Sandbox.Internal;
using GitOpsConsole.Sandbox.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox.Registry;

/// <summary>
/// The sandbox OCI registry: serves the distribution API on 127.0.0.1, answers the kubelet's
/// <see cref="IImageCatalog"/> questions, and sends a push notification for every published image.
/// </summary>
public sealed partial class SandboxRegistry : IImageCatalog, IAsyncDisposable
{
    private readonly SandboxRegistryOptions _options;
    private readonly RegistryStorage _storage;
    private readonly ILogger _logger;
    // Behaviour per manifest digest, filled from the config blobs so Find never touches the disk.
    private readonly ConcurrentDictionary<string, ImageBehavior> _behaviors = new(StringComparer.Ordinal);
    // The config's `created` per manifest digest: the newest-build strategy orders tags by it.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _created = new(StringComparer.Ordinal);
    private WebApplication? _server;
    private RegistryNotifier? _notifier;
    private string _instanceId = "";

    public SandboxRegistry(SandboxRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = options.LoggerFactory.CreateLogger<SandboxRegistry>();
        _storage = new RegistryStorage(options.DataDirectory);
        foreach (var (_, digest) in _storage.AllManifests())
        {
            var config = _storage.ReadBlob(OciImageWriter.ConfigDigestOf(_storage.ReadBlob(digest)));
            _behaviors.TryAdd(digest, ImageBehaviorLabels.Read(OciImageWriter.LabelsOf(config)));
            if (OciImageWriter.CreatedOf(config) is { } created)
            {
                _created.TryAdd(digest, created);
            }
        }
    }

    public int Port { get; private set; }

    /// <summary>host:port as image references name it, e.g. <c>127.0.0.1:5000</c>.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public Uri BaseAddress => new($"http://{Host}/");

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        (_server, var address) = await LoopbackServer.StartAsync(_options.Port, new RegistryEndpoints(_storage).HandleAsync, _options.LoggerFactory, cancellationToken);
        Port = address.Port;
        _instanceId = Guid.NewGuid().ToString();
        _notifier = new RegistryNotifier(_options.NotificationEndpoints.Select(url => new RegistryNotificationEndpoint(url)), _options.NotificationRetry, _options.TimeProvider, _logger);
        LogStarted(_logger, BaseAddress);
    }

    public async Task StopAsync()
    {
        if (_notifier is not null)
        {
            await _notifier.DisposeAsync();
            _notifier = null;
        }
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
            _server = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// Also notifies <paramref name="endpoint"/> of every image published from now on, e.g. the console's own
    /// <c>/webhooks/registry</c> once it knows the address it listens on.
    /// </summary>
    public void AddNotificationEndpoint(RegistryNotificationEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var notifier = _notifier ?? throw new InvalidOperationException("Start the registry before adding notification endpoints.");
        notifier.Add(endpoint);
        LogEndpointAdded(_logger, endpoint.Url);
    }

    public ImageBehavior? Find(string imageReference)
    {
        var reference = ImageReference.TryParse(imageReference);
        var digest = reference switch
        {
            null => null,
            { Repository: null } => reference.Digest,
            _ => _storage.ResolveManifest(reference.Repository, reference.Digest ?? reference.Tag!),
        };
        return digest is null ? null : _behaviors.GetValueOrDefault(digest);
    }

    /// <summary>Removes a repository with its tags (a scenario twin's images); false when there was none.</summary>
    public bool DeleteRepository(string repository) => _storage.DeleteRepository(repository);

    /// <summary>Tags, digests and build times of a repository, as <c>registry.list_tags</c> reports them; empty when unknown.</summary>
    public IReadOnlyList<(string Tag, string Digest, DateTimeOffset? Created)> ListTags(string repository) =>
        [.. (_storage.Tags(repository) ?? []).Select(tag => Describe(repository, tag))];

    private (string Tag, string Digest, DateTimeOffset? Created) Describe(string repository, string tag)
    {
        var digest = _storage.ResolveManifest(repository, tag)!;
        return (tag, digest, _created.TryGetValue(digest, out var created) ? created : null);
    }

    /// <summary>Stores the image, moves the tag to it and queues the push notification (never waits for it).</summary>
    public Task<PublishedImage> PublishAsync(ImagePublication publication, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publication);
        RegistryNames.ValidateRepository(publication.Repository);
        RegistryNames.ValidateTag(publication.Tag);
        var notifier = _notifier ?? throw new InvalidOperationException("Start the registry before publishing: image references need its port.");
        cancellationToken.ThrowIfCancellationRequested();

        var now = _options.TimeProvider.GetUtcNow();
        var image = OciImageWriter.Write(publication, now);
        _storage.Put(publication.Repository, publication.Tag, image);
        _behaviors[image.ManifestDigest] = publication.Behavior;
        _created[image.ManifestDigest] = now;
        var published = new PublishedImage(publication.Repository, publication.Tag, image.ManifestDigest, image.Manifest.Length,
            $"{Host}/{publication.Repository}:{publication.Tag}");
        notifier.Enqueue(PushNotification(published, now));
        LogPublished(_logger, published.Reference, published.Digest, publication.Behavior.Runtime);
        return Task.FromResult(published);
    }

    private RegistryNotificationEnvelope PushNotification(PublishedImage image, DateTimeOffset now) => new(
    [
        new RegistryEvent(
            Guid.NewGuid().ToString(), now, "push",
            new RegistryEventTarget(OciMediaTypes.ImageManifest, image.Digest, image.Size, image.Size, image.Repository,
                new Uri(BaseAddress, $"v2/{image.Repository}/manifests/{image.Digest}").ToString(), image.Tag),
            new RegistryEventRequest(Guid.NewGuid().ToString(), "127.0.0.1", Host, "PUT", "gitops-console-sandbox-ci"),
            new RegistryEventActor(),
            new RegistryEventSource($"{Environment.MachineName}:{Port}", _instanceId)),
    ]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox registry listening on {Address}")]
    private static partial void LogStarted(ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry notifications also go to {Endpoint}")]
    private static partial void LogEndpointAdded(ILogger logger, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Reference} ({Digest}, runtime {Runtime})")]
    private static partial void LogPublished(ILogger logger, string reference, string digest, ImageRuntime runtime);
}
