namespace GitOpsConsole.Core.Domain;

/// <summary>A Git or registry event as received, with what ingestion decided about it.</summary>
public sealed class TriggerEvent
{
    public Guid Id { get; set; }
    public TriggerKind Kind { get; set; }
    /// <summary>Where it came from: sandbox, github, registry, generic, poll, api, ui.</summary>
    public required string Source { get; set; }
    /// <summary>The sender's delivery id; unique per source, the dedupe key.</summary>
    public required string DeliveryId { get; set; }
    public string? Repository { get; set; }
    public string? Ref { get; set; }
    public string? CommitSha { get; set; }
    public string? Author { get; set; }
    public string? Message { get; set; }
    public string? Image { get; set; }
    public string? Tag { get; set; }
    public string? Digest { get; set; }
    public string? ApplicationName { get; set; }
    /// <summary>The engine the sender asked for; null = the application's default.</summary>
    public DeploymentEngine? RequestedEngine { get; set; }
    public EventDecision Decision { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
