using System.Collections.Concurrent;

namespace GitOpsConsole.Web.Operator;

/// <summary>
/// When an application may be healed again: at once the first time, then after 2 s, 4 s, 8 s …
/// up to 5 minutes while the drift keeps coming back (Argo CD's self-heal back-off). Synced resets it.
/// </summary>
internal sealed class SelfHealBackoff(TimeProvider time)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (DateTimeOffset NotBefore, TimeSpan Next)> _state = new(StringComparer.Ordinal);

    public bool TryHeal(string application)
    {
        var now = time.GetUtcNow();
        var (notBefore, next) = _state.GetValueOrDefault(application, (now, First));
        if (now < notBefore)
        {
            return false;
        }

        _state[application] = (now + next, next * 2 > Longest ? Longest : next * 2);
        return true;
    }

    /// <summary>How long until <see cref="TryHeal"/> may say yes again (zero when it may now).</summary>
    public TimeSpan Until(string application)
    {
        var wait = _state.TryGetValue(application, out var state) ? state.NotBefore - time.GetUtcNow() : TimeSpan.Zero;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Reset(string application) => _state.TryRemove(application, out _);
}
