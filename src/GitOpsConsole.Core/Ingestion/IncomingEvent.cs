using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Ingestion;

/// <summary>
/// An event as a source reported it, before matching. <see cref="IgnoreReason"/> is set when the
/// source's own content already says it needs no deployment (a deleted branch, a closed PR). <see cref="DeliveryId"/> is the sender's id
/// (GitHub's X-GitHub-Delivery, a registry event id, a push's ref and commit): the dedupe key.
/// </summary>
public sealed record IncomingEvent(
    TriggerKind Kind,
    string Source,
    string DeliveryId,
    string? Repository = null,
    string? Ref = null,
    string? CommitSha = null,
    string? Author = null,
    string? Message = null,
    string? Image = null,
    string? Tag = null,
    string? Digest = null,
    string? Application = null,
    DeploymentEngine? Engine = null,
    string? IgnoreReason = null);

/// <summary>Well-known event sources.</summary>
public static class EventSources
{
    public const string Sandbox = "sandbox";
    public const string GitHub = "github";
    public const string Registry = "registry";
    public const string Generic = "generic";
    public const string Api = "api";
    public const string Poll = "poll";
}
