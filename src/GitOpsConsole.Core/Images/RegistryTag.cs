namespace GitOpsConsole.Core.Images;

/// <summary>A tag as the registry reports it; creation time and digest only where a strategy needs them.</summary>
public sealed record RegistryTag(string Name, DateTimeOffset? CreatedAt = null, string? Digest = null);
