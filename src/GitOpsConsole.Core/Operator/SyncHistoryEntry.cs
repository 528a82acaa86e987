namespace GitOpsConsole.Core.Operator;

/// <summary>
/// One past sync as <c>operator.history</c> answers it, whichever operator ran it.
/// </summary>
/// <param name="Revision">The commit applied; null when the sync failed before resolving one.</param>
/// <param name="At">When it finished (Argo CD: when it deployed).</param>
/// <param name="InitiatedBy">A user name, <c>automated</c>, <c>self-heal</c> or <c>run:&lt;id&gt;</c>.</param>
/// <param name="Message">The operator's summary (Argo CD keeps none for past syncs).</param>
/// <param name="HistoryId">Argo CD's history id, which its rollback takes; null for the embedded operator.</param>
public sealed record SyncHistoryEntry(string? Revision, DateTimeOffset At, string InitiatedBy, SyncPhase Result, string Message, long? HistoryId = null);
