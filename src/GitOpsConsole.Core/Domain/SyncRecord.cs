using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Core.Domain;

/// <summary>One sync of an application as the operator history keeps it (the last ten per application).</summary>
public sealed class SyncRecord
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public string? Revision { get; set; }
    public SyncPhase Phase { get; set; }
    public required string Message { get; set; }
    /// <summary>Who asked: <c>automated</c>, <c>self-heal</c>, a user name or <c>run:&lt;id&gt;</c>.</summary>
    public required string InitiatedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    /// <summary>Per-object results as JSON: <c>[{group, kind, namespace, name, outcome, message}]</c>.</summary>
    public required string ResourcesJson { get; set; }
}
