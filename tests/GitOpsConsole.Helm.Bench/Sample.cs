using System.Diagnostics;

namespace GitOpsConsole.Helm.Bench;

/// <summary>Per-render wall time and bytes allocated on the rendering thread, summarised as percentiles.</summary>
internal sealed class Sample
{
    private readonly List<double> _milliseconds = [];
    private readonly List<long> _bytes = [];

    public void Measure(Action render)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        render();
        _milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        _bytes.Add(GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    public string Describe() =>
        $"p50 {Percentile(_milliseconds, 50):F3} ms, p95 {Percentile(_milliseconds, 95):F3} ms, p99 {Percentile(_milliseconds, 99):F3} ms, " +
        $"allocated {Median(_bytes) / 1024.0:F0} KiB per render";

    private static double Percentile(List<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percent / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    private static long Median(List<long> values) => values.Order().ElementAt(values.Count / 2);
}
