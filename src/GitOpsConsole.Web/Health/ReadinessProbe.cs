using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitOpsConsole.Web.Health;

/// <summary>Runs the readiness checks and publishes the result; used by /readyz and the monitor.</summary>
public sealed class ReadinessProbe(HealthCheckService checks, ReadinessFeed feed, TimeProvider time)
{
    public const string Tag = "ready";

    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(r => r.Tags.Contains(Tag), cancellationToken);
        var readiness = ReadinessReport.From(report, time.GetUtcNow());
        feed.Publish(readiness);
        return readiness;
    }
}
