using System.Globalization;
using GitOpsConsole.Web.Scenarios;

namespace GitOpsConsole.Cli.Commands;

/// <summary>
/// `compare`: plays scenarios headless (the console in-process, the sandbox, both engines, the Offline planner) and
/// writes the report. Exit 0 when every engine ended where its scenario file expects, 1 when one did not or a
/// scenario could not be played, 2 on bad arguments.
/// </summary>
internal sealed class CompareCommand : ICommand
{
    public string Name => "compare";

    public string Summary => "Play scenarios with both engines in twin sandboxes and write the comparison report";

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        CompareArguments parsed;
        try
        {
            parsed = CompareArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"Error: {ex.Message}");
            stderr.Write(Help);
            return 2;
        }

        if (parsed.ShowHelp)
        {
            stdout.Write(Help);
            return 0;
        }

        HeadlessResult result;
        try
        {
            result = HeadlessLab.RunAsync(parsed.All ? [] : parsed.Scenarios, parsed.Directory, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"Error: {ex.Message}");
            return 2;
        }

        var text = parsed.Json ? result.Report.ToJson() : result.Report.ToMarkdown();
        if (parsed.Out is { } path)
        {
            File.WriteAllText(path, text);
        }
        else
        {
            stdout.Write(text);
        }

        foreach (var s in result.Report.Scenarios)
        {
            stderr.WriteLine($"{s.Scenario,-28} workflow {s.Workflow.Outcome,-10} agent {s.Agent.Outcome,-10} {(s.AsExpected == true ? "as expected" : "NOT AS EXPECTED")}");
        }

        foreach (var failed in result.NotPlayed)
        {
            stderr.WriteLine($"not played: {failed}");
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Report.Scenarios.Count} scenarios, both engines, in {result.Elapsed.TotalSeconds:0.0} s{(parsed.Out is null ? "" : $"; report written to {parsed.Out}")}"));
        return result.Report.Unexpected.Count == 0 && result.NotPlayed.Count == 0 ? 0 : 1;
    }

    private const string Help = """
        Usage: gitops compare (--all | --scenario <name> [--scenario <name>...]) [--out <file>] [--json] [--scenarios-dir <dir>]

        Plays each scenario in twin sandboxes (workflow engine in one, agent with the Offline planner in the other)
        and writes the report as Markdown (or JSON with --json) to --out or standard output.
        Exit code: 0 all as expected, 1 an engine ended elsewhere than its file expects (or a scenario failed to play), 2 bad arguments.

        """;
}
