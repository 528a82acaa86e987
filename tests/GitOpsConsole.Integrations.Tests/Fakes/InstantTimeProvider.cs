namespace GitOpsConsole.Integrations.Tests.Fakes;

/// <summary>
/// A clock on which every wait ends at once: each timer's due time is recorded and added to the
/// virtual now, so tests assert the delays the code asked for (Retry-After, back-off, pacing, polling)
/// without waiting them out.
/// </summary>
internal sealed class InstantTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now = start;

    public InstantTimeProvider()
        : this(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _delays.Add(dueTime);
                _now += dueTime;
            }
        }

        return base.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
