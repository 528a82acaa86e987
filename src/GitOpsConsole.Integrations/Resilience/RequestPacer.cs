namespace GitOpsConsole.Integrations.Resilience;

/// <summary>
/// A token bucket of <c>rate</c> requests per second with a burst of one second's worth, on the
/// injected clock: each caller reserves the next free slot and waits until it comes, so callers are
/// served in order and the service never sees more than the rate over any second.
/// </summary>
public sealed class RequestPacer
{
    private readonly double _rate;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private DateTimeOffset _updated;

    public RequestPacer(double requestsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        ArgumentNullException.ThrowIfNull(time);
        _rate = requestsPerSecond;
        _time = time;
        _tokens = Math.Max(1, requestsPerSecond);
        _updated = time.GetUtcNow();
    }

    public double RequestsPerSecond => _rate;

    /// <summary>Takes one slot; the time to wait before sending (zero when a token is free now).</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var elapsed = Math.Max(0, (now - _updated).TotalSeconds);
            _tokens = Math.Min(Math.Max(1, _rate), _tokens + (elapsed * _rate));
            _updated = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate);
        }
    }
}
