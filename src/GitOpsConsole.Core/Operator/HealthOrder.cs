using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Operator;

/// <summary>
/// Argo CD's ranking of health from best to worst, used to roll resources up into the application's health:
/// Healthy &lt; Suspended &lt; Progressing &lt; Missing &lt; Degraded &lt; Unknown. Unknown ranks worst
/// because a status nobody can read must not pass for good.
/// </summary>
public static class HealthOrder
{
    public static int Rank(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => 0,
        HealthStatus.Suspended => 1,
        HealthStatus.Progressing => 2,
        HealthStatus.Missing => 3,
        HealthStatus.Degraded => 4,
        _ => 5,
    };

    /// <summary>The worst of the results (the first of equals); Healthy when there are none.</summary>
    public static HealthResult Worst(IEnumerable<HealthResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        HealthResult? worst = null;
        foreach (var result in results)
        {
            if (worst is null || Rank(result.Status) > Rank(worst.Status))
            {
                worst = result;
            }
        }

        return worst ?? HealthResult.Healthy();
    }
}
