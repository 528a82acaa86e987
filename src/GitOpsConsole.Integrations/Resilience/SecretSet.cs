using System.Collections;
using System.Collections.Concurrent;

namespace GitOpsConsole.Integrations.Resilience;

/// <summary>
/// The secrets a service's answers and errors must never show, growing as new ones are handed out
/// (a GitHub App's installation tokens are renewed every hour).
/// </summary>
public sealed class SecretSet : IReadOnlyCollection<string>
{
    private readonly ConcurrentDictionary<string, bool> _secrets = new(StringComparer.Ordinal);

    public SecretSet(params IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Add(secret);
        }
    }

    public int Count => _secrets.Count;

    public void Add(string secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            _secrets.TryAdd(secret, true);
        }
    }

    public IEnumerator<string> GetEnumerator() => _secrets.Keys.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
