namespace GitOpsConsole.Integrations.Resilience;

/// <summary>How the HTTP pipeline of one outside service retries, paces and reports.</summary>
public sealed record ServiceHttpSettings
{
    /// <summary>Retries after the first attempt for 5xx, 408, 429 and connection failures.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First back-off delay; doubles with each retry (with jitter) unless the service sends Retry-After.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for: the error is reported instead of stalling a run.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Requests per second to this service; null = no pacing.</summary>
    public double? RequestsPerSecond { get; init; }
}
