namespace GitOpsConsole.Cli.Commands;

/// <summary>Parses the `compare` verb's flags.</summary>
internal sealed class CompareArguments
{
    public bool All { get; private set; }

    public IReadOnlyList<string> Scenarios { get; private set; } = [];

    public string? Out { get; private set; }

    public bool Json { get; private set; }

    public string? Directory { get; private set; }

    public bool ShowHelp { get; private set; }

    /// <exception cref="ArgumentException">An unknown flag, a flag without its value, or neither --all nor --scenario.</exception>
    public static CompareArguments Parse(IReadOnlyList<string> args)
    {
        var result = new CompareArguments();
        var scenarios = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            string Next() => ++i < args.Count ? args[i] : throw new ArgumentException($"flag needs an argument: {flag}");
            switch (flag)
            {
                case "-h" or "--help": result.ShowHelp = true; break;
                case "--all": result.All = true; break;
                case "--scenario": scenarios.Add(Next()); break;
                case "--out": result.Out = Next(); break;
                case "--json": result.Json = true; break;
                case "--scenarios-dir": result.Directory = Next(); break;
                default: throw new ArgumentException($"unknown flag: {flag}");
            }
        }

        result.Scenarios = scenarios;
        if (!result.ShowHelp && result.All == (scenarios.Count > 0))
        {
            throw new ArgumentException(result.All ? "--all and --scenario exclude each other" : "name the scenarios to play: --all or --scenario <name>");
        }

        return result;
    }
}
