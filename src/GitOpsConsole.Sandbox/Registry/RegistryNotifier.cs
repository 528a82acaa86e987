using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Sandbox.Registry;

/// <summary>How webhook delivery retries a failing endpoint.</summary>
public sealed record NotificationRetryPolicy(int MaxAttempts, TimeSpan FirstDelay)
{
    public static NotificationRetryPolicy Default { get; } = new(5, TimeSpan.FromSeconds(1));
}

/// <summary>
/// Delivers registry events to the configured endpoints. Each endpoint has its own queue and worker,
/// so publishing only enqueues, and a dead endpoint delays neither publishing nor the other endpoints.
/// Failed deliveries retry with doubling delays, then are dropped with a warning. Endpoints can be added while
/// running (a receiver that learns its own address only after it started listening); they get what is published
/// from then on.
/// </summary>
internal sealed partial class RegistryNotifier : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly NotificationRetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private List<(RegistryNotificationEndpoint Endpoint, Channel<RegistryNotificationEnvelope> Queue, Task Worker)> _endpoints = [];

    public RegistryNotifier(IEnumerable<RegistryNotificationEndpoint> endpoints, NotificationRetryPolicy retry, TimeProvider time, ILogger logger)
    {
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        _retry = retry;
        _time = time;
        _logger = logger;
        foreach (var endpoint in endpoints)
        {
            Add(endpoint);
        }
    }

    public void Add(RegistryNotificationEndpoint endpoint)
    {
        var queue = Channel.CreateUnbounded<RegistryNotificationEnvelope>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            // Copy on write: Enqueue reads the list without the lock.
            _endpoints = [.. _endpoints, (endpoint, queue, Task.Run(() => DeliverAllAsync(endpoint, queue.Reader)))];
        }
    }

    public void Enqueue(RegistryNotificationEnvelope envelope)
    {
        foreach (var (_, queue, _) in _endpoints)
        {
            queue.Writer.TryWrite(envelope);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stopping.Cancel();
        }

        foreach (var (_, queue, worker) in _endpoints)
        {
            queue.Writer.TryComplete();
            await worker;
        }
        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task DeliverAllAsync(RegistryNotificationEndpoint endpoint, ChannelReader<RegistryNotificationEnvelope> queue)
    {
        try
        {
            await foreach (var envelope in queue.ReadAllAsync(_stopping.Token))
            {
                await DeliverAsync(endpoint, envelope, _stopping.Token);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: undelivered events are dropped, as the registry's in-memory queue does.
        }
    }

    private async Task DeliverAsync(RegistryNotificationEndpoint endpoint, RegistryNotificationEnvelope envelope, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope);
        var delay = _retry.FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(RegistryNotificationEnvelope.MediaType);
                foreach (var (name, value) in endpoint.Headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    LogDelivered(_logger, envelope.Events[0].Id, endpoint.Url, attempt);
                    return;
                }
                failure = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = ex.Message;
            }
            if (attempt >= _retry.MaxAttempts)
            {
                LogGaveUp(_logger, envelope.Events[0].Id, endpoint.Url, attempt, failure);
                return;
            }
            LogRetrying(_logger, envelope.Events[0].Id, endpoint.Url, attempt, failure, delay);
            await Task.Delay(delay, _time, cancellationToken);
            delay *= 2;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Registry event {EventId} delivered to {Endpoint} (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string eventId, Uri endpoint, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry event {EventId} to {Endpoint} failed (attempt {Attempt}: {Failure}); retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string eventId, Uri endpoint, int attempt, string failure, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registry event {EventId} to {Endpoint} dropped after {Attempt} attempts: {Failure}")]
    private static partial void LogGaveUp(ILogger logger, string eventId, Uri endpoint, int attempt, string failure);
}
