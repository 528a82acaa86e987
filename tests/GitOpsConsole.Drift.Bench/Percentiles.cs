using System.Globalization;

namespace GitOpsConsole.Drift.Bench;

internal static class Percentiles
{
    public static string Summary(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        double At(double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"n={sorted.Count} p50={At(0.50):F0} ms p95={At(0.95):F0} ms p99={At(0.99):F0} ms min={sorted[0]:F0} ms max={sorted[^1]:F0} ms");
    }
}
