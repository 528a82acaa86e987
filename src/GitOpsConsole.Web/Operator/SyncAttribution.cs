using System.Collections.Concurrent;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Web.Operator;

/// <summary>
/// Tells how a drift finding that no longer shows was resolved: by the sync running now or one that started
/// after the drift was detected and ended moments ago (self-heal or whoever asked), else it converged by
/// itself (the live value came back, or Git changed to it).
/// </summary>
internal sealed class SyncAttribution(TimeProvider time)
{
    // A sync's effect is seen by the comparison that follows it; later resolutions are not its doing.
    private static readonly TimeSpan Afterglow = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, SyncScope> _syncs = new(StringComparer.Ordinal);

    /// <summary>Marks a sync as running until the scope is disposed; the scope collects the findings it resolved.</summary>
    public SyncScope Begin(string application, string initiatedBy)
    {
        var scope = new SyncScope(initiatedBy, time);
        _syncs[application] = scope;
        return scope;
    }

    /// <summary>How the finding ended; a sync's resolutions are also noted in its scope (the heal's audit names them).</summary>
    public (DriftResolution Resolution, string? By) Resolve(string application, DriftFinding finding)
    {
        if (_syncs.TryGetValue(application, out var sync)
            && (sync.FinishedAt is null || (sync.StartedAt >= finding.DetectedAt.AddSeconds(-1) && time.GetUtcNow() - sync.FinishedAt <= Afterglow)))
        {
            sync.Note(finding);
            return sync.InitiatedBy == OperatorInitiators.SelfHeal
                ? (DriftResolution.SelfHeal, OperatorInitiators.SelfHeal)
                : (DriftResolution.Sync, sync.InitiatedBy);
        }

        return (DriftResolution.Converged, null);
    }
}

/// <summary>One sync while it runs (and just after): who asked, and what drift it resolved.</summary>
internal sealed class SyncScope(string initiatedBy, TimeProvider time) : IDisposable
{
    private readonly List<DriftFinding> _resolved = [];

    public string InitiatedBy { get; } = initiatedBy;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public DateTimeOffset? FinishedAt { get; private set; }

    public IReadOnlyList<DriftFinding> Resolved
    {
        get
        {
            lock (_resolved)
            {
                return [.. _resolved];
            }
        }
    }

    public void Note(DriftFinding finding)
    {
        lock (_resolved)
        {
            _resolved.Add(finding);
        }
    }

    public void Dispose() => FinishedAt = time.GetUtcNow();
}
