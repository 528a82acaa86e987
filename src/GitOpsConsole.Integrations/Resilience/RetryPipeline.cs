using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace GitOpsConsole.Integrations.Resilience;

/// <summary>
/// The retry strategy every adapter shares: exponential back-off with jitter for 5xx, 408, 429 and
/// connection failures, and the service's Retry-After when it sends one (up to a cap). Delays run on the injected <see cref="TimeProvider"/>.
/// </summary>
public static class RetryPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(string service, ServiceHttpSettings settings, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, settings, time)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryDecision.RetryAfter(response, time.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    var request = args.Outcome.Result?.RequestMessage;
                    var status = args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "?";
                    ServiceHttpLog.Retrying(logger, service, status, request?.Method.Method ?? "", request?.RequestUri?.AbsolutePath ?? "", args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ServiceHttpSettings settings, TimeProvider time)
    {
        if (outcome.Exception is HttpRequestException)
        {
            return true;
        }

        if (outcome.Result is not { } response || !RetryDecision.IsTransient(response))
        {
            return false;
        }

        // A wait longer than the cap would stall a run for minutes: report the limit instead.
        return RetryDecision.RetryAfter(response, time.GetUtcNow()) is not { } wait || wait <= settings.MaxRetryAfter;
    }
}
