using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitOpsConsole.Web.Health;

/// <summary>The <c>/readyz</c> answer, also what the app bar shows.</summary>
public sealed record ReadinessReport(string Status, DateTimeOffset CheckedAt, IReadOnlyList<ComponentReadiness> Components)
{
    public bool IsReady => Status != nameof(HealthStatus.Unhealthy);

    public static ReadinessReport From(HealthReport report, DateTimeOffset checkedAt) => new(
        report.Status.ToString(),
        checkedAt,
        report.Entries.Select(e => new ComponentReadiness(
            e.Key,
            e.Value.Status.ToString(),
            e.Value.Description ?? e.Value.Exception?.Message,
            Math.Round(e.Value.Duration.TotalMilliseconds, 1))).ToList());
}

public sealed record ComponentReadiness(string Name, string Status, string? Description, double DurationMs);
