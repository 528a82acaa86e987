namespace GitOpsConsole.Core.Domain;

/// <summary>
/// An application's latest sync and health as the leading replica last saw them, kept in the store so that every
/// replica's pages show them. <see cref="Version"/> grows with each change across all applications: a follower reads
/// what changed since the version it saw last.
/// </summary>
public sealed class StatusSnapshot
{
    public int ApplicationId { get; set; }

    public long Version { get; set; }

    /// <summary>The whole status as JSON, each object's sync and health included.</summary>
    public required string StatusJson { get; set; }

    public DateTimeOffset ObservedAt { get; set; }
}
