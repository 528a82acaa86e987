using GitOpsConsole.Web.Startup;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitOpsConsole.Web.Health;

/// <summary>The data folder exists and takes writes (a full or read-only disk shows here first).</summary>
internal sealed class DataDirectoryCheck(DataPaths paths) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(paths.Root, $".ready-{Environment.ProcessId}");
        try
        {
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy(paths.Root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"{paths.Root} is not writable: {ex.Message}");
        }
    }
}
