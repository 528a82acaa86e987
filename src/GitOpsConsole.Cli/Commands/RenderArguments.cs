using GitOpsConsole.Helm;

namespace GitOpsConsole.Cli.Commands;

/// <summary>Parses the `render` verb's flags (the `helm template` subset we support).</summary>
internal sealed class RenderArguments
{
    public string? ChartPath { get; private set; }

    public bool ShowHelp { get; private set; }

    public RenderOptions Options { get; private set; } = new();

    public static RenderArguments Parse(IReadOnlyList<string> args)
    {
        var result = new RenderArguments();
        var values = new List<string>();
        var set = new List<string>();
        var setString = new List<string>();
        var setJson = new List<string>();
        var setFile = new List<string>();
        var setLiteral = new List<string>();
        var showOnly = new List<string>();
        var apiVersions = new List<string>();
        var options = new RenderOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = SplitFlag(args[i]);
            string Next() => inline ?? (++i < args.Count ? args[i] : throw new ArgumentException($"flag needs an argument: {flag}"));
            switch (flag)
            {
                case "-h" or "--help": result.ShowHelp = true; break;
                case "-f" or "--values": values.Add(Next()); break;
                case "--set": set.Add(Next()); break;
                case "--set-string": setString.Add(Next()); break;
                case "--set-json": setJson.Add(Next()); break;
                case "--set-file": setFile.Add(Next()); break;
                case "--set-literal": setLiteral.Add(Next()); break;
                case "-s" or "--show-only": showOnly.Add(Next()); break;
                case "--include-crds": options = options with { IncludeCrds = true }; break;
                case "--skip-tests": options = options with { SkipTests = true }; break;
                case "--is-upgrade": options = options with { IsUpgrade = true }; break;
                case "--kube-version": options = options with { KubeVersion = Next() }; break;
                case "-a" or "--api-versions": apiVersions.AddRange(Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                case "--release-name": options = options with { ReleaseName = Next() }; break;
                case "-n" or "--namespace": options = options with { Namespace = Next() }; break;
                default:
                    if (flag.StartsWith('-'))
                    {
                        throw new ArgumentException($"unknown flag: {flag}");
                    }

                    result.ChartPath = result.ChartPath is null ? flag : throw new ArgumentException($"unexpected argument: {flag}");
                    break;
            }
        }

        result.Options = options with { ValuesFiles = values, SetValues = set, SetStringValues = setString, SetJsonValues = setJson, SetFileValues = setFile, SetLiteralValues = setLiteral, ShowOnly = showOnly, ApiVersions = apiVersions };
        return result;
    }

    private static (string Flag, string? Inline) SplitFlag(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }
}
