using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Auditing;

/// <summary>Append-only record of who did what. Every sign-in, settings change and side effect goes here.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default);
}

/// <summary>What a caller reports; the log adds the time.</summary>
public sealed record AuditRecord(
    string Actor,
    ActorKind ActorKind,
    string Action,
    string? Target = null,
    bool Succeeded = true,
    string? Detail = null,
    string? CommitSha = null,
    string? RemoteAddress = null);
