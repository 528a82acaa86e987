using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Agent;

/// <summary>
/// Where an agent run writes its trace, entry by entry, before anyone is told. A resumed run rebuilds its
/// conversation from what is written here.
/// </summary>
public interface IAgentJournal
{
    /// <summary>The run's trace in order.</summary>
    Task<IReadOnlyList<TraceEntry>> EntriesAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>Stores the entry as the run's next one (its sequence and time are set here) and returns it.</summary>
    Task<TraceEntry> AppendAsync(TraceEntry entry, CancellationToken cancellationToken = default);
}
