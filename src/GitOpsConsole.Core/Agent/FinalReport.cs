using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;

namespace GitOpsConsole.Core.Agent;

/// <summary>
/// The model's closing message: the outcome it claims, a summary, its decisions and the risks it sees, as the
/// JSON object the system prompt asks for (text around it is allowed).
/// </summary>
public sealed record FinalReport(RunStatus Outcome, string Summary, IReadOnlyList<AgentDecision> Decisions, IReadOnlyList<string> Risks)
{
    private static readonly RunStatus[] Claimable = [RunStatus.Succeeded, RunStatus.Failed, RunStatus.RolledBack, RunStatus.Escalated];

    public string ToJson() => JsonSerializer.Serialize(this, AgentJson.Options);

    /// <summary>The report in <paramref name="text"/>, or null when there is none or its outcome is not one a run can end with.</summary>
    public static FinalReport? Parse(string? text)
    {
        var start = text?.IndexOf('{', StringComparison.Ordinal) ?? -1;
        var end = text?.LastIndexOf('}') ?? -1;
        if (text is null || start < 0 || end < start)
        {
            return null;
        }

        try
        {
            var report = JsonSerializer.Deserialize<FinalReport>(text[start..(end + 1)], AgentJson.Options);
            return report is { Summary: not null } && Claimable.Contains(report.Outcome)
                ? report with { Decisions = report.Decisions ?? [], Risks = report.Risks ?? [] }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The outcome the run really ends with: a claimed success or rollback needs the last health read to be
    /// Healthy; otherwise the claim is not trusted and a person has to look.
    /// </summary>
    public RunOutcome Verify(AgentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (Outcome is RunStatus.Succeeded or RunStatus.RolledBack && facts.LastHealth != nameof(HealthStatus.Healthy))
        {
            return new RunOutcome(RunStatus.Escalated, $"the model reported {Outcome} but the last health read was {facts.LastHealth ?? "never made"}: {Summary}");
        }

        if (Outcome == RunStatus.RolledBack && facts.RevertCommit is null)
        {
            return new RunOutcome(RunStatus.Escalated, $"the model reported RolledBack but made no revert: {Summary}");
        }

        return new RunOutcome(Outcome, Summary);
    }
}
