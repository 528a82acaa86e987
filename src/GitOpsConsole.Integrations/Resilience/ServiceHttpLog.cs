using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Resilience;

/// <summary>Log lines of the outside-service pipelines. Paths carry no credentials (tokens travel in headers only).</summary>
internal static partial class ServiceHttpLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} answered {Status} for {Method} {Path}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string service, string status, string method, string path, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Service}: pacing {Method} {Path} by {Delay} to stay under {Rate} requests/s")]
    public static partial void Paced(ILogger logger, string service, string method, string path, TimeSpan delay, double rate);
}
