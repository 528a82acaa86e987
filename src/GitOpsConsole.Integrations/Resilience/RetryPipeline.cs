using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace GitOpsConsole.Integrations.Resilience;

/// <summary>
/// The retry strategy every adapter shares: exponential back-off with jitter for 5xx, 408, 429 and
/// connection failures, and the service's Retry-After when it sends one (up to a cap). Delays run on the injected <see cref="TimeProvider"/>.
/// POST and PATCH (an Argo CD sync, a workflow dispatch, a new pull request) are not idempotent: they are sent
/// again only when the service said it did not process them (429, 503, or a rate-limit 403, with Retry-After).
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
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage()?.Method, settings, time)),
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

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method, ServiceHttpSettings settings, TimeProvider time)
    {
        // A request that may have reached the service is sent again only when sending it twice does no harm.
        var idempotent = RetryDecision.IsIdempotent(method ?? outcome.Result?.RequestMessage?.Method);
        if (outcome.Exception is HttpRequestException)
        {
            return idempotent;
        }

        if (outcome.Result is not { } response || !RetryDecision.IsTransient(response))
        {
            return false;
        }

        if (!idempotent && !RetryDecision.RefusedUnprocessed(response))
        {
            return false;
        }

        // A wait longer than the cap would stall a run for minutes: report the limit instead.
        return RetryDecision.RetryAfter(response, time.GetUtcNow()) is not { } wait || wait <= settings.MaxRetryAfter;
    }
}
