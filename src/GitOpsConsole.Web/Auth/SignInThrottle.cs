using System.Collections.Concurrent;
using GitOpsConsole.Core.Configuration;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Auth;

/// <summary>
/// Counts failed sign-ins per user name and address, and per address alone (against password
/// spraying), in a sliding window. Past the limit, further attempts are refused until the oldest
/// failure leaves the window.
/// </summary>
public sealed class SignInThrottle(IOptions<GitOpsOptions> options, TimeProvider time)
{
    // One address may try a few user names before it is stopped too.
    private const int AddressMultiplier = 4;
    private const int PruneThreshold = 10_000;
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    private TimeSpan Window => TimeSpan.FromSeconds(options.Value.Auth.LockoutSeconds);

    private int Limit => options.Value.Auth.MaxFailedSignIns;

    /// <summary>When locked, how long until the next attempt is allowed.</summary>
    public TimeSpan? RetryAfter(string userName, string address)
    {
        var now = time.GetUtcNow();
        var byUser = Wait(UserKey(userName, address), Limit, now);
        var byAddress = Wait(AddressKey(address), Limit * AddressMultiplier, now);
        if (byUser is null || byAddress is null)
        {
            return byUser ?? byAddress;
        }

        return byUser > byAddress ? byUser : byAddress;
    }

    public void RecordFailure(string userName, string address)
    {
        var now = time.GetUtcNow();
        Add(UserKey(userName, address), now);
        Add(AddressKey(address), now);
        if (_failures.Count > PruneThreshold)
        {
            Prune(now);
        }
    }

    public void Reset(string userName, string address) => _failures.TryRemove(UserKey(userName, address), out _);

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var list))
        {
            return null;
        }

        lock (list)
        {
            list.RemoveAll(t => now - t >= Window);
            return list.Count >= limit ? list[^limit] + Window - now : null;
        }
    }

    private void Add(string key, DateTimeOffset now)
    {
        var list = _failures.GetOrAdd(key, _ => []);
        lock (list)
        {
            list.Add(now);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, list) in _failures)
        {
            bool empty;
            lock (list)
            {
                list.RemoveAll(t => now - t >= Window);
                empty = list.Count == 0;
            }

            if (empty)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static string UserKey(string userName, string address) => $"u|{userName.Trim().ToUpperInvariant()}|{address}";

    private static string AddressKey(string address) => $"a|{address}";
}
