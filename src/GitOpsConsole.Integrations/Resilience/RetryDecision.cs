using System.Net;

namespace GitOpsConsole.Integrations.Resilience;

/// <summary>Which answers are worth another attempt, and how long the service asked us to wait.</summary>
public static class RetryDecision
{
    public static bool IsTransient(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;

        // GitHub's secondary rate limit answers 403 with Retry-After; a plain 403 is a permission problem.
        return status >= 500 || status is 408 or 429
            || (status == 403 && (response.Headers.RetryAfter is not null || RateLimitExhausted(response)));
    }

    /// <summary>GET, HEAD, OPTIONS, PUT and DELETE may be sent twice with the effect of once; POST and PATCH may not.</summary>
    public static bool IsIdempotent(HttpMethod? method) =>
        method is not null && method != HttpMethod.Post && method != HttpMethod.Patch;

    /// <summary>
    /// The service refused the request before doing anything and said when to come back: 429 or 503 with
    /// Retry-After, or GitHub's rate-limit 403 with Retry-After or an exhausted limit.
    /// </summary>
    public static bool RefusedUnprocessed(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        return (status is 429 or 503 && response.Headers.RetryAfter is not null)
            || (status == 403 && (response.Headers.RetryAfter is not null || RateLimitExhausted(response)));
    }

    /// <summary>The wait the Retry-After header asks for (seconds or an HTTP date), or null when there is none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        // GitHub's primary rate limit names the reset time instead.
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests
            && RateLimitExhausted(response)
            && response.Headers.TryGetValues("x-ratelimit-reset", out var reset) && long.TryParse(reset.FirstOrDefault(), out var epoch))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static bool RateLimitExhausted(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-ratelimit-remaining", out var remaining) && remaining.FirstOrDefault() == "0";
}
