using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Scenarios.Comparison;

/// <summary>One row of the seed's criteria: what each engine did here, in a sentence built from its run.</summary>
public sealed record Criterion(string Name, string Workflow, string Agent);

/// <summary>
/// The seed's criteria (Predictability, Manifest updates, Sync mechanism, Recovery, Flexibility, Best fit) filled
/// from the two runs' steps and metrics, so the table says what happened in this run, not what the engines promise.
/// </summary>
public static class CriteriaWriter
{
    public static IReadOnlyList<Criterion> Write(EngineRecord workflow, EngineRecord agent, EngineMetrics wf, EngineMetrics ag)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(agent);
        return
        [
            new("Predictability", Sequence(workflow, "in its fixed order"), Sequence(agent, "chosen call by call")),
            new("Manifest updates", Manifest(workflow.Run), Manifest(agent.Run)),
            new("Sync mechanism", Syncs(workflow.Run), Syncs(agent.Run)),
            new("Recovery", Recovery(workflow.Run), Recovery(agent.Run)),
            new("Flexibility", Flexibility(workflow, wf), Flexibility(agent, ag)),
            new("Best fit", BestFit(wf, ag, DeploymentEngine.Workflow), BestFit(wf, ag, DeploymentEngine.Agent)),
        ];
    }

    private static string Sequence(EngineRecord record, string how) => record.Run.Steps.Count == 0
        ? "made no tool call"
        : $"{record.Run.Steps.Count} steps {how}: {string.Join(" → ", Collapse(record.Run.Steps.Select(s => s.Tool)))}";

    private static string Manifest(Run run)
    {
        var writes = run.Steps.Where(s => s.Tool is "values.set_image_tag" or "git.revert" or "values.set" or "chart.bump_version" && s.Status == StepStatus.Succeeded).ToList();
        return writes.Count == 0
            ? "did not change Git"
            : $"{run.CommitsMade} commit(s): {string.Join("; ", writes.Select(s => s.Summary ?? s.Tool))}";
    }

    private static string Syncs(Run run)
    {
        var syncs = run.Steps.Where(s => s.Tool == "operator.sync").ToList();
        return syncs.Count == 0
            ? "never synced (nothing reached the cluster through it)"
            : $"{syncs.Count} explicit sync(s) of a pinned Git revision: {string.Join("; ", syncs.Select(s => s.Summary ?? "sync"))}";
    }

    private static string Recovery(Run run)
    {
        var failed = run.Steps.Where(s => s.Status == StepStatus.Failed).ToList();
        var retries = run.Steps.Count(s => s.Tool == "ci.trigger_build") - 1;
        var reverts = run.Steps.Count(s => s.Tool == "git.revert" && s.Status == StepStatus.Succeeded);
        if (failed.Count == 0 && retries <= 0)
        {
            return "nothing failed, nothing to recover";
        }

        var done = new List<string>();
        if (retries > 0)
        {
            done.Add($"retried the build {retries} time(s)");
        }

        if (reverts > 0)
        {
            done.Add($"reverted the deploy commit ({reverts} revert)");
        }

        var ended = $"ended {run.Status}";
        return done.Count == 0
            ? $"{failed.Count} failed step(s) ({failed[0].Tool}); no recovery attempted, {ended}"
            : $"{failed.Count} failed step(s); {string.Join(", ", done)}; {ended}";
    }

    private static string Flexibility(EngineRecord record, EngineMetrics metrics)
    {
        var refused = record.Run.Steps.Count(s => s.Status == StepStatus.Skipped);
        var parts = new List<string>();
        if (metrics.Questions > 0)
        {
            parts.Add($"asked {metrics.Questions} question(s), waited {metrics.WaitingForPeopleSeconds:0.#} s for people");
        }

        if (refused > 0)
        {
            parts.Add($"{refused} call(s) refused by guardrails or policy");
        }

        var retries = record.Run.Steps.Count(s => s.Tool == "ci.trigger_build") - 1;
        if (retries > 0)
        {
            parts.Add($"changed course: {retries} extra build(s)");
        }

        return parts.Count == 0 ? "followed the straight path; no deviation was needed or made" : string.Join("; ", parts);
    }

    private static string BestFit(EngineMetrics wf, EngineMetrics ag, DeploymentEngine engine)
    {
        var self = engine == DeploymentEngine.Workflow ? wf : ag;
        var other = engine == DeploymentEngine.Workflow ? ag : wf;
        return (self.EndStateCorrect, other.EndStateCorrect) switch
        {
            (true, false) => $"fits here: it reached the expected end state and the {other.Engine.ToString().ToLowerInvariant()} did not",
            (false, true) => $"does not fit here: it missed the expected end state ({string.Join("; ", self.EndStateMisses)})",
            (false, false) => $"missed the expected end state ({string.Join("; ", self.EndStateMisses)})",
            _ when OutcomeRank.Of(self.Outcome) > OutcomeRank.Of(other.Outcome) => $"fits here: it ended {self.Outcome} where the {other.Engine.ToString().ToLowerInvariant()} ended {other.Outcome}",
            _ when OutcomeRank.Of(self.Outcome) < OutcomeRank.Of(other.Outcome) => $"does not fit here: it ended {self.Outcome} where the {other.Engine.ToString().ToLowerInvariant()} ended {other.Outcome}",
            _ when Faster(self, other) => $"fits here: same end state, {Gap(self, other)} faster with {self.ToolCalls} vs {other.ToolCalls} tool calls",
            _ => $"works here: same end state, {Gap(other, self)} slower with {self.ToolCalls} vs {other.ToolCalls} tool calls",
        };
    }

    private static bool Faster(EngineMetrics a, EngineMetrics b) => (a.WallTimeSeconds ?? double.MaxValue) <= (b.WallTimeSeconds ?? double.MaxValue);

    private static string Gap(EngineMetrics fast, EngineMetrics slow) =>
        fast.WallTimeSeconds is { } f && slow.WallTimeSeconds is { } s ? $"{s - f:0.00} s" : "—";

    /// <summary>Repeated tools in a row shown once with a count, so a retry loop reads as such.</summary>
    private static IEnumerable<string> Collapse(IEnumerable<string> tools)
    {
        string? last = null;
        var count = 0;
        foreach (var tool in tools.Append(""))
        {
            if (tool == last)
            {
                count++;
                continue;
            }

            if (last is not null)
            {
                yield return count > 1 ? $"{last} ×{count}" : last;
            }

            (last, count) = (tool, 1);
        }
    }
}
