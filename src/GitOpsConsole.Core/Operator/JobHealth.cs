using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Operator;

/// <summary>A Job's health from its conditions, Argo CD's way: Failed is Degraded, Complete is Healthy, suspended is Suspended, anything else is still running.</summary>
public static class JobHealth
{
    public static HealthResult Assess(JsonObject job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var conditions = JsonRead.Objects(job, "status", "conditions").Where(c => JsonRead.Str(c, "status") == "True").ToList();
        if (conditions.FirstOrDefault(c => JsonRead.Str(c, "type") == "Failed") is { } failed)
        {
            return HealthResult.Degraded(JsonRead.Str(failed, "message") ?? JsonRead.Str(failed, "reason") ?? "Job failed");
        }

        if (conditions.Any(c => JsonRead.Str(c, "type") == "Complete"))
        {
            return HealthResult.Healthy("Job completed");
        }

        return JsonRead.Bool(job, "spec", "suspend")
            ? new HealthResult(HealthStatus.Suspended, "Job is suspended")
            : HealthResult.Progressing("Job is running");
    }
}
