using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Resilience;

/// <summary>
/// Builds one service's handler chain, outermost first: error translation (what is left after
/// retries becomes a clear exception), the service's own handlers (e.g. the registry's token
/// challenge), retries with back-off and Retry-After, pacing of each attempt, then the network.
/// </summary>
public static class ServiceHttpPipeline
{
    public static HttpMessageHandler Create(
        IServiceErrorAdvisor advisor,
        ServiceHttpSettings settings,
        IReadOnlyCollection<string> secrets,
        TimeProvider time,
        ILogger logger,
        HttpMessageHandler? network = null,
        RequestPacer? pacer = null,
        IEnumerable<DelegatingHandler>? serviceHandlers = null)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        ArgumentNullException.ThrowIfNull(settings);
        HttpMessageHandler inner = network ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        pacer ??= settings.RequestsPerSecond is { } rate ? new RequestPacer(rate, time) : null;
        if (pacer is not null)
        {
            inner = new PacingHandler(advisor.Service, pacer, time, logger) { InnerHandler = inner };
        }

        inner = new ResilienceHandler(RetryPipeline.Create(advisor.Service, settings, time, logger)) { InnerHandler = inner };
        foreach (var handler in (serviceHandlers ?? []).Reverse())
        {
            handler.InnerHandler = inner;
            inner = handler;
        }

        return new ErrorTranslationHandler(advisor, secrets) { InnerHandler = inner };
    }
}
