using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Core.Workflow;

/// <summary>
/// Waits until the application's rollout is Healthy, Degraded, or out of time. Missing and Progressing are
/// transitional after a sync; Degraded is final (a crash-looping or unpullable current pod does not heal itself).
/// </summary>
public static class HealthWait
{
    public static async Task<HealthResult> UntilSettledAsync(IClusterTool cluster, Application app, TimeSpan timeout, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var health = await cluster.HealthAsync(app, cancellationToken);
            if (health.Status is HealthStatus.Healthy or HealthStatus.Degraded)
            {
                return health;
            }

            if (time.GetUtcNow() >= deadline)
            {
                return new HealthResult(health.Status, $"not Healthy after {Durations.Describe(timeout)}: {health.Message}");
            }

            await Task.Delay(interval, time, cancellationToken);
        }
    }
}
