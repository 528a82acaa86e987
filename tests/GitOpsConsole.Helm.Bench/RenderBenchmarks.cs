using GitOpsConsole.Helm.Charts;

namespace GitOpsConsole.Helm.Bench;

/// <summary>
/// The scaffold chart rendered three ways the console does it: from its folder (the CLI), from a file set as read
/// from a Git commit (the operator's ChartSource), and from an already loaded chart (templates parsed once).
/// </summary>
internal static class RenderBenchmarks
{
    private const int WarmUp = 200;

    public static void Run(string chartPath, int renders)
    {
        Console.WriteLine($"# Helm renderer: helm create scaffold ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version})");
        Console.WriteLine($"{renders:N0} renders per scenario after {WarmUp} warm-up renders; target <= 5 ms per render");
        Console.WriteLine();

        var options = new RenderOptions { ReleaseName = "bench", Namespace = "bench", IncludeCrds = true, SkipTests = true };
        var files = ChartLoader.ReadDirectory(chartPath);
        var chart = ChartLoader.LoadDirectory(chartPath);
        var documents = HelmRenderer.Render(chart, options).Documents.Count;

        Report("From the chart folder (read, load, parse, render)", renders, () => HelmRenderer.Render(chartPath, options));
        Report("From an in-memory file set (as read from Git: load, parse, render)", renders, () => HelmRenderer.RenderFiles(files, options));
        Report("From a loaded chart (render only)", renders, () => HelmRenderer.Render(chart, options));
        Console.WriteLine($"({documents} documents per render)");
    }

    private static void Report(string scenario, int renders, Func<RenderResult> render)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            render();
        }

        GC.Collect();
        var sample = new Sample();
        for (var i = 0; i < renders; i++)
        {
            sample.Measure(() => render());
        }

        Console.WriteLine($"## {scenario}");
        Console.WriteLine(sample.Describe());
        Console.WriteLine();
    }
}
