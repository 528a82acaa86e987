using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitOpsConsole.Core.Scenarios.Comparison;

/// <summary>A "Run all": every scenario's comparison, exported as Markdown or JSON from the same records the report page shows.</summary>
public sealed record ScenarioReport(DateTimeOffset GeneratedAt, IReadOnlyList<ScenarioComparison> Scenarios)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Scenarios where an engine ended somewhere other than the file expects (the CLI's exit code).</summary>
    public IReadOnlyList<string> Unexpected => [.. Scenarios.Where(s => s.AsExpected == false).Select(s => s.Scenario)];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScenarioReport FromJson(string json) => JsonSerializer.Deserialize<ScenarioReport>(json, Json)
        ?? throw new JsonException("The report is empty.");

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Workflow vs agent: scenario report\n\nGenerated {GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC. ");
        md.Append(CultureInfo.InvariantCulture, $"{Scenarios.Count} scenarios; {Scenarios.Count - Unexpected.Count} ended as their files expect.\n\n");
        md.Append("## Matrix\n\n| Scenario | Workflow | Agent | As expected | Verdict |\n|---|---|---|---|---|\n");
        foreach (var s in Scenarios)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {s.Scenario} | {Cell(s.Workflow)} | {Cell(s.Agent)} | {Yes(s.AsExpected)} | {Escape(s.Verdict)} |\n");
        }

        foreach (var s in Scenarios)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {s.Scenario}: {Escape(s.Title)}\n\n{Escape(s.Verdict)}\n\n");
            md.Append("| Metric | Workflow | Agent |\n|---|---|---|\n");
            foreach (var (name, wf, ag) in MetricRows.Of(s.Workflow, s.Agent))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {name} | {Escape(wf)} | {Escape(ag)} |\n");
            }

            md.Append("\n| Criterion | Workflow | Agent |\n|---|---|---|\n");
            foreach (var c in s.Criteria)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {c.Name} | {Escape(c.Workflow)} | {Escape(c.Agent)} |\n");
            }
        }

        return md.ToString();
    }

    private static string Cell(EngineMetrics m) => $"{m.Outcome}{(m.EndStateCorrect == false ? " ✗" : "")}";

    private static string Yes(bool? value) => value switch { true => "yes", false => "**no**", null => "—" };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
