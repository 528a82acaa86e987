namespace GitOpsConsole.Core.Domain;

public enum ActorKind
{
    User,
    Engine,
    Operator,
    System,
}

/// <summary>Who did what to which target, and whether it worked. Append-only.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public ActorKind ActorKind { get; set; }
    /// <summary>Dotted verb, e.g. <c>auth.sign-in</c>, <c>settings.change</c>, <c>git.commit</c>.</summary>
    public required string Action { get; set; }
    public string? Target { get; set; }
    public bool Succeeded { get; set; } = true;
    public string? Detail { get; set; }
    public string? CommitSha { get; set; }
    public string? RemoteAddress { get; set; }
}
