using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Operator;

/// <summary>One object's (or one application's) health with the reason a person reads.</summary>
public sealed record HealthResult(HealthStatus Status, string Message)
{
    public static HealthResult Healthy(string message = "") => new(HealthStatus.Healthy, message);

    public static HealthResult Progressing(string message) => new(HealthStatus.Progressing, message);

    public static HealthResult Degraded(string message) => new(HealthStatus.Degraded, message);
}
