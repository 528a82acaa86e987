using GitOpsConsole.Cli;
using YamlDotNet.RepresentationModel;

namespace GitOpsConsole.Helm.Tests;

/// <summary>Every case of helm-conformance/cases.yaml must print its golden file byte for byte.</summary>
public sealed class ConformanceTests
{
    private const string Suite = "helm-conformance";

    public static TheoryData<string, string, string[]> Cases()
    {
        var data = new TheoryData<string, string, string[]>();
        var casesFile = Fixtures.Root is null ? null : Fixtures.Path(Suite, "cases.yaml");
        if (casesFile is null || !File.Exists(casesFile))
        {
            data.Add("(fixtures missing)", string.Empty, []);
            return data;
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(casesFile)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var entry in ((YamlSequenceNode)root.Children[new YamlScalarNode("cases")]).Children.Cast<YamlMappingNode>())
        {
            var chart = entry.Children[new YamlScalarNode("chart")].ToString();
            var golden = entry.Children[new YamlScalarNode("golden")].ToString();
            var args = ((YamlSequenceNode)entry.Children[new YamlScalarNode("args")]).Children.Select(a => a.ToString()).ToArray();
            data.Add(golden, chart, args);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_ConformanceCase_MatchesGoldenByteForByte(string golden, string chart, string[] args)
    {
        Fixtures.Require(Suite, "cases.yaml");
        var chartDir = Fixtures.Path(Suite, "charts", chart);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = CliApp.Run(["render", chartDir, .. ResolveValuesFiles(args, chartDir)], stdout, stderr);

        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Fixtures.Path(Suite, "golden", golden + ".txt")), stdout.ToString());
    }

    /// <summary>Values files in the cases are relative to the chart directory.</summary>
    private static IEnumerable<string> ResolveValuesFiles(string[] args, string chartDir)
    {
        for (var i = 0; i < args.Length; i++)
        {
            yield return args[i];
            if (args[i] is "-f" or "--values" && i + 1 < args.Length)
            {
                yield return Path.Combine(chartDir, args[++i]);
            }
        }
    }
}
