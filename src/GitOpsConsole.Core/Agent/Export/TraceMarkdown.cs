using System.Globalization;
using System.Text;
using System.Text.Json;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Agent.Export;

/// <summary>
/// An agent run's trace as a Markdown document for a ticket or a post-mortem: the run's header, then every entry in
/// order with its time, duration and tokens; tool arguments and results in fenced blocks (results in full, as in the
/// trace), the decision record as lists.
/// </summary>
public static class TraceMarkdown
{
    public static string Write(TraceExportHeader header, IReadOnlyList<TraceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(entries);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Agent trace: {header.Application}, run {header.RunId}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Status: **{header.Status}**{(header.Reason is { Length: > 0 } r ? $" ({r})" : "")}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Engine: {header.Engine}; model: {header.Provider ?? "none"} ({header.Model ?? "unknown"}); tokens: {header.Tokens}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Started: {Time(header.StartedAt)}; finished: {Time(header.FinishedAt)}\n\n");
        if (entries.Count == 0)
        {
            md.Append("No trace entries: the agent has not started.\n");
        }

        foreach (var entry in entries)
        {
            WriteEntry(md, entry);
        }

        return md.ToString();
    }

    private static void WriteEntry(StringBuilder md, TraceEntry entry)
    {
        md.Append(CultureInfo.InvariantCulture, $"## {entry.Sequence}. {entry.Kind}{(entry.ToolName is { } tool ? $" `{tool}`" : "")}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"_{Time(entry.CreatedAt)}");
        if (entry.DurationMs is { } ms)
        {
            md.Append(CultureInfo.InvariantCulture, $", {ms} ms");
        }

        if (entry.Tokens is > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $", {entry.Tokens} tokens");
        }

        md.Append("_\n\n");
        switch (entry.Kind)
        {
            case TraceKind.ToolCall:
                Fence(md, "json", AgentJson.Pretty(entry.ArgumentsJson ?? "{}"));
                break;
            case TraceKind.ToolResult:
                Fence(md, "json", AgentJson.Pretty(entry.Content));
                break;
            case TraceKind.Decision when ReadDecision(entry.Content) is { } record:
                WriteDecision(md, record);
                break;
            default:
                md.Append(entry.Content.TrimEnd()).Append("\n\n");
                break;
        }
    }

    private static void WriteDecision(StringBuilder md, DecisionRecord record)
    {
        md.Append(CultureInfo.InvariantCulture, $"**Goal:** {record.Goal}\n\n**Outcome:** {record.Outcome} — {record.Summary}\n\n");
        List("Decisions", record.Decisions.Select(d => $"{d.Decision} — {d.Evidence}"));
        List("Changes", record.Changes.Select(c => $"{c.Kind} `{c.Revision}` {c.Summary}"));
        List("Risks", record.Risks);
        md.Append(CultureInfo.InvariantCulture, $"By {record.Provider} ({record.Model})\n\n");

        void List(string title, IEnumerable<string> items)
        {
            var lines = items.ToList();
            if (lines.Count == 0)
            {
                return;
            }

            md.Append(CultureInfo.InvariantCulture, $"**{title}**\n\n");
            foreach (var line in lines)
            {
                md.Append("- ").Append(line).Append('\n');
            }

            md.Append('\n');
        }
    }

    /// <summary>A fence longer than any backtick run inside the text, so a result that contains ``` cannot end the block early.</summary>
    private static void Fence(StringBuilder md, string language, string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        md.Append(fence).Append(language).Append('\n').Append(text.TrimEnd()).Append('\n').Append(fence).Append("\n\n");
    }

    private static DecisionRecord? ReadDecision(string json)
    {
        try
        {
            return DecisionRecord.FromJson(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Time(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture) ?? "—";
}
