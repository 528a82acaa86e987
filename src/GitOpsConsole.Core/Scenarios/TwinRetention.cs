namespace GitOpsConsole.Core.Scenarios;

/// <summary>
/// Which scenario twins to delete: those of every lab run (a scenario started alone, or one batch) but the newest
/// <c>keep</c>, and twins no scenario run names. A scenario run still preparing or running keeps its twins, unless the
/// console just started (nothing plays it any more).
/// </summary>
public static class TwinRetention
{
    public static IReadOnlyList<string> Expired(IReadOnlyList<ScenarioRun> runs, IEnumerable<string> twins, int keep, bool atStart)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(twins);
        var kept = runs.GroupBy(r => r.BatchId ?? r.Id)
            .OrderByDescending(g => g.Max(r => r.CreatedAt))
            .Select((g, i) => (Runs: g, Keep: i < keep || (!atStart && g.Any(r => r.Status is ScenarioRunStatus.Preparing or ScenarioRunStatus.Running))))
            .Where(g => g.Keep)
            .SelectMany(g => g.Runs)
            .SelectMany(r => new[] { r.WorkflowApplication, r.AgentApplication })
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return [.. twins.Where(t => !kept.Contains(t)).Order(StringComparer.Ordinal)];
    }
}
