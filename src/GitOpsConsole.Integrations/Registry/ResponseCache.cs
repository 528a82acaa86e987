using System.Collections.Concurrent;

namespace GitOpsConsole.Integrations.Registry;

/// <summary>Answers kept for a while on the injected clock, so polling image updaters don't spend the registry's rate limit.</summary>
public sealed class ResponseCache(TimeSpan lifetime, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (object Value, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> load)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(load);
        if (lifetime > TimeSpan.Zero && _entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow() && entry.Value is T cached)
        {
            return cached;
        }

        return await LoadAsync(key, load);
    }

    /// <summary>Asks the source again and keeps the new answer: an image release event means the cached tag list is stale.</summary>
    public async Task<T> LoadAsync<T>(string key, Func<Task<T>> load)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(load);
        var value = await load();
        _entries[key] = (value, time.GetUtcNow() + lifetime);
        return value;
    }
}
