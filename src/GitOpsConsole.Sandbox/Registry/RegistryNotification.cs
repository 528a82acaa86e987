using System.Text.Json.Serialization;

namespace GitOpsConsole.Sandbox.Registry;

/// <summary>
/// The envelope of the distribution registry's notifications (docs/notifications.md of
/// distribution/distribution), content type <see cref="MediaType"/>.
/// </summary>
public sealed record RegistryNotificationEnvelope([property: JsonPropertyName("events")] IReadOnlyList<RegistryEvent> Events)
{
    public const string MediaType = "application/vnd.docker.distribution.events.v1+json";
}

public sealed record RegistryEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("target")] RegistryEventTarget Target,
    [property: JsonPropertyName("request")] RegistryEventRequest Request,
    [property: JsonPropertyName("actor")] RegistryEventActor Actor,
    [property: JsonPropertyName("source")] RegistryEventSource Source);

public sealed record RegistryEventTarget(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("length")] long Length,
    [property: JsonPropertyName("repository")] string Repository,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("tag")] string Tag);

public sealed record RegistryEventRequest(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("addr")] string Addr,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("useragent")] string UserAgent);

public sealed record RegistryEventActor([property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null);

public sealed record RegistryEventSource(
    [property: JsonPropertyName("addr")] string Addr,
    [property: JsonPropertyName("instanceID")] string InstanceId);
