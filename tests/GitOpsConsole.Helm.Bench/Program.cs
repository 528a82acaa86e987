using System.Globalization;
using GitOpsConsole.Helm.Bench;

// Usage: [renders per scenario] [path to the scaffold chart]; defaults: 2000 and ../shared/fixtures/helm-scaffold.
var renders = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var chart = args.Length > 1 ? Path.GetFullPath(args[1]) : ScaffoldLocation.Find();
if (chart is null || !File.Exists(Path.Combine(chart, "Chart.yaml")))
{
    await Console.Error.WriteLineAsync("The helm-scaffold fixture was not found under ../shared/fixtures; pass the chart folder as the second argument.");
    return 2;
}

RenderBenchmarks.Run(chart, renders);
return 0;
