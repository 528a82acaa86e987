using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Resilience;

/// <summary>Holds each attempt (retries included) until the service's <see cref="RequestPacer"/> lets it go.</summary>
public sealed class PacingHandler(string service, RequestPacer pacer, TimeProvider time, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var wait = pacer.Reserve();
        if (wait > TimeSpan.Zero)
        {
            ServiceHttpLog.Paced(logger, service, request.Method.Method, request.RequestUri?.AbsolutePath ?? "", wait, pacer.RequestsPerSecond);
            await Task.Delay(wait, time, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
