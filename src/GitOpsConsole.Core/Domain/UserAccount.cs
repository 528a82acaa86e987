namespace GitOpsConsole.Core.Domain;

/// <summary>What a signed-in person may do; each role includes the ones before it.</summary>
public enum UserRole
{
    Viewer,
    Operator,
    Admin,
}

/// <summary>A console user. Only a password hash is ever stored.</summary>
public sealed class UserAccount
{
    public int Id { get; set; }
    public required string UserName { get; set; }
    public required string PasswordHash { get; set; }
    public UserRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}
