using GitOpsConsole.Core;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Data.Agent;

/// <summary>A trace entry was stored; the trace view of that run re-reads or appends it.</summary>
public sealed record TraceChange(Guid RunId, TraceEntry Entry);

/// <summary>Every stored trace entry of every agent run, for the live trace view.</summary>
public sealed class TraceFeed : LiveFeed<TraceChange>;
