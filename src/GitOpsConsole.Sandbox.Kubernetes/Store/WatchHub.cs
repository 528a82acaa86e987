using System.Globalization;
using System.Threading.Channels;

namespace GitOpsConsole.Sandbox.Kubernetes.Store;

/// <summary>
/// Keeps the most recent events (the window a watch may resume from) and fans new events out to
/// subscribers' channels. Only called under the store's write lock, so it needs none itself.
/// </summary>
internal sealed class WatchHub
{
    private readonly int _capacity;
    private readonly Queue<WatchEvent> _window = new();
    private readonly Dictionary<string, List<WatchSubscription>> _subscribers = new(StringComparer.Ordinal);
    private long _windowStart;

    public WatchHub(int capacity) => _capacity = Math.Max(1, capacity);

    public void ResetWindow(long resourceVersion)
    {
        _window.Clear();
        _windowStart = resourceVersion;
    }

    public void Publish(WatchEvent change)
    {
        _window.Enqueue(change);
        while (_window.Count > _capacity)
        {
            _windowStart = _window.Dequeue().ResourceVersion;
        }
        if (_subscribers.TryGetValue(change.Object.StorageKey, out var list))
        {
            foreach (var subscription in list)
            {
                subscription.Offer(change);
            }
        }
    }

    public WatchSubscription Subscribe(string storageKey, string? ns, long? since, Func<IReadOnlyList<StoredObject>> snapshot)
    {
        var initial = new List<WatchEvent>();
        if (since is null or 0)
        {
            initial.AddRange(snapshot().Select(o => new WatchEvent(WatchEventType.Added, o, null)));
        }
        else if (since < _windowStart)
        {
            throw ApiException.Gone(string.Create(CultureInfo.InvariantCulture,
                $"too old resource version: {since} ({_windowStart + 1})"));
        }
        else
        {
            initial.AddRange(_window.Where(e => e.ResourceVersion > since && e.Object.StorageKey == storageKey));
        }
        var subscription = new WatchSubscription(ns, s => Unsubscribe(storageKey, s));
        foreach (var change in initial)
        {
            subscription.Offer(change);
        }
        if (!_subscribers.TryGetValue(storageKey, out var list))
        {
            list = [];
            _subscribers[storageKey] = list;
        }
        list.Add(subscription);
        return subscription;
    }

    private void Unsubscribe(string storageKey, WatchSubscription subscription)
    {
        if (_subscribers.TryGetValue(storageKey, out var list))
        {
            list.Remove(subscription);
        }
    }
}

/// <summary>One watcher's queue of events; disposing it unregisters from the hub.</summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly string? _namespace;
    private readonly Action<WatchSubscription> _unsubscribe;
    private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    public WatchSubscription(string? ns, Action<WatchSubscription> unsubscribe)
    {
        _namespace = ns;
        _unsubscribe = unsubscribe;
    }

    /// <summary>Set by the owning store so disposal takes the same lock as publishing.</summary>
    public Lock? Gate { get; set; }

    public ChannelReader<WatchEvent> Events => _channel.Reader;

    public void Offer(WatchEvent change)
    {
        if (string.IsNullOrEmpty(_namespace) || change.Object.Namespace == _namespace)
        {
            _channel.Writer.TryWrite(change);
        }
    }

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        if (Gate is null)
        {
            _unsubscribe(this);
            return;
        }
        lock (Gate)
        {
            _unsubscribe(this);
        }
    }
}
