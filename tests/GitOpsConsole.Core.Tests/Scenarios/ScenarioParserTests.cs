using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios;

namespace GitOpsConsole.Core.Tests.Scenarios;

public class ScenarioParserTests
{
    private const string Valid = """
        name: sample
        application: storefront
        event: { kind: push }
        expect:
          workflow: { outcome: Succeeded }
          agent: { outcome: RolledBack, image: previous }
        """;

    [Fact]
    public void Parse_BuiltInFiles_AllParseWithDistinctNames()
    {
        var folder = Path.Combine(RepositoryRoot(), "scenarios");
        var parsed = Directory.GetFiles(folder, "*.yaml").Select(f => ScenarioParser.Parse(Path.GetFileName(f), File.ReadAllText(f))).ToList();

        Assert.True(parsed.Count >= 8);
        Assert.Equal(parsed.Count, parsed.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void Parse_MinimalFile_FillsDefaults()
    {
        var scenario = ScenarioParser.Parse("sample.yaml", Valid);

        Assert.Equal((true, false, 30), (scenario.Start.SelfHeal, scenario.Start.RequireApproval, scenario.Start.HealthTimeoutSeconds));
        Assert.Equal(new ExpectedEnd(RunStatus.RolledBack, ExpectedImage.Previous, HealthStatus.Healthy, null), scenario.Agent);
    }

    [Fact]
    public void Parse_FreezeWindowMidRun_TakesTheStepItFollows()
    {
        var scenario = ScenarioParser.Parse("x.yaml", Merge(Valid, "conditions:\n  - kind: FreezeWindowMidRun\n    after: ci.get_build"));

        Assert.Equal(new ScenarioCondition(ConditionKind.FreezeWindowMidRun, "ci.get_build"), Assert.Single(scenario.Conditions));
    }

    [Theory]
    [InlineData("expect:\n  workflow: { outcome: Done }", "x.yaml: expect.workflow.outcome: 'Done' is not one of")]
    [InlineData("event: { kind: image }", "x.yaml: event.tag: is required for an image event")]
    [InlineData("evnt: 1", "x.yaml: evnt: is not a known field")]
    [InlineData("conditions:\n  - kind: MissingTag", "x.yaml: conditions: MissingTag needs an image event")]
    [InlineData("application: billing", "x.yaml: application: 'billing' is not one of storefront, catalog, payments")]
    public void Parse_BadField_NamesFileAndField(string change, string message)
    {
        var text = Merge(Valid, change);

        var error = Assert.Throws<ScenarioFileException>(() => ScenarioParser.Parse("x.yaml", text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScriptedAnswers_QuestionContainsText_TakesTheOfferedChoice()
    {
        var answers = new[] { new ScriptedAnswer("approv", "APPROVE") };

        Assert.Equal("approve", ScriptedAnswers.For(answers, "Approve the deploy of payments?", ["approve", "reject"]));
        Assert.Null(ScriptedAnswers.For(answers, "Which tag?", ["1.0", "2.0"]));
    }

    /// <summary>Replaces the top-level key of <paramref name="change"/> in <paramref name="yaml"/>, or appends it.</summary>
    private static string Merge(string yaml, string change)
    {
        var key = change[..change.IndexOf(':', StringComparison.Ordinal)];
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (start < 0)
        {
            return yaml + "\n" + change;
        }

        var end = start + 1;
        while (end < lines.Count && lines[end].StartsWith(' '))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        lines.Insert(start, change);
        return string.Join('\n', lines);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GitOpsConsole.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("GitOpsConsole.sln not found above the test binary.");
    }
}
