using System.Text.Json;
using GitOpsConsole.Integrations.Resilience;

namespace GitOpsConsole.Integrations.ArgoCd;

/// <summary>The ways reading from Argo CD fails that a caller reports as "Argo CD could not be read" instead of crashing.</summary>
public static class ArgoCdFailures
{
    /// <summary>
    /// A refusal (status code), an unreachable server, a missing configuration or token, an answer that does not parse,
    /// or a timeout that is not the caller's own cancellation.
    /// </summary>
    public static bool IsReadFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is ServiceRequestException or HttpRequestException or InvalidOperationException or InvalidDataException or JsonException
        || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
