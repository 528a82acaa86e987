namespace GitOpsConsole.Core.Domain;

/// <summary>
/// A token scripts send as <c>Authorization: Bearer …</c>. Only its SHA-256 is stored; the token
/// itself is shown once, when an Admin creates it.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the token, to recognise it in lists (not a secret).</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public UserRole Role { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
