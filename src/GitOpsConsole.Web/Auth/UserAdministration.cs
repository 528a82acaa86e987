using System.Text.RegularExpressions;
using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Users;
using Microsoft.AspNetCore.Identity;

namespace GitOpsConsole.Web.Auth;

/// <summary>Outcome of a user change: success, or why it was refused in words a person can act on.</summary>
public sealed record UserChangeResult(bool Succeeded, string Message, string? GeneratedPassword = null)
{
    public static UserChangeResult Refused(string message) => new(false, message);
}

/// <summary>Password changes and user management, each checked and audited.</summary>
public sealed partial class UserAdministration(
    UserStore users,
    IPasswordHasher<UserAccount> hasher,
    IAuditLog audit,
    InitialAdmin initialAdmin,
    TimeProvider time)
{
    public const int MinimumPasswordLength = 12;

    public async Task<UserChangeResult> ChangeOwnPasswordAsync(string userName, string current, string replacement, CancellationToken cancellationToken = default)
    {
        var user = await users.FindAsync(userName, cancellationToken);
        if (user is null)
        {
            return UserChangeResult.Refused("This account signs in without a password; there is nothing to change.");
        }

        if (hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            await audit.RecordAsync(new AuditRecord(userName, ActorKind.User, AuditActions.PasswordChange, userName, Succeeded: false, Detail: "current password wrong"), cancellationToken);
            return UserChangeResult.Refused("The current password is wrong.");
        }

        if (replacement.Length < MinimumPasswordLength)
        {
            return UserChangeResult.Refused($"The new password needs at least {MinimumPasswordLength} characters.");
        }

        var hash = hasher.HashPassword(user, replacement);
        await users.UpdateAsync(userName, u => u.PasswordHash = hash, cancellationToken);
        if (userName == InitialAdmin.UserName)
        {
            initialAdmin.ForgetPasswordFile();
        }

        await audit.RecordAsync(new AuditRecord(userName, ActorKind.User, AuditActions.PasswordChange, userName), cancellationToken);
        return new UserChangeResult(true, "Password changed.");
    }

    public async Task<UserChangeResult> CreateAsync(string actor, string userName, UserRole role, CancellationToken cancellationToken = default)
    {
        userName = userName.Trim();
        if (!ValidUserName().IsMatch(userName))
        {
            return UserChangeResult.Refused("User names are 1–64 letters, digits, '.', '-' or '_'.");
        }

        var password = PasswordGenerator.Generate();
        var user = new UserAccount { UserName = userName, PasswordHash = "", Role = role, CreatedAt = time.GetUtcNow() };
        user.PasswordHash = hasher.HashPassword(user, password);
        if (!await users.TryAddAsync(user, cancellationToken))
        {
            return UserChangeResult.Refused($"A user named '{userName}' already exists.");
        }

        await audit.RecordAsync(new AuditRecord(actor, ActorKind.User, AuditActions.UserCreate, userName, Detail: $"role {role}"), cancellationToken);
        return new UserChangeResult(true, $"Created '{userName}' ({role}).", password);
    }

    public async Task<UserChangeResult> ChangeRoleAsync(string actor, string userName, UserRole role, CancellationToken cancellationToken = default)
    {
        var user = await users.FindAsync(userName, cancellationToken);
        if (user is null)
        {
            return UserChangeResult.Refused($"No user named '{userName}'.");
        }

        if (user.Role == UserRole.Admin && role != UserRole.Admin && await users.CountAdminsAsync(cancellationToken) == 1)
        {
            return UserChangeResult.Refused("The last Admin cannot lose the role; make someone else Admin first.");
        }

        await users.UpdateAsync(userName, u => u.Role = role, cancellationToken);
        await audit.RecordAsync(new AuditRecord(actor, ActorKind.User, AuditActions.UserRoleChange, userName, Detail: $"{user.Role} → {role}"), cancellationToken);
        return new UserChangeResult(true, $"'{userName}' is now {role}.");
    }

    public async Task<UserChangeResult> DeleteAsync(string actor, string userName, CancellationToken cancellationToken = default)
    {
        if (string.Equals(actor, userName, StringComparison.Ordinal))
        {
            return UserChangeResult.Refused("You cannot delete your own account.");
        }

        var user = await users.FindAsync(userName, cancellationToken);
        if (user is null)
        {
            return UserChangeResult.Refused($"No user named '{userName}'.");
        }

        if (user.Role == UserRole.Admin && await users.CountAdminsAsync(cancellationToken) == 1)
        {
            return UserChangeResult.Refused("The last Admin cannot be deleted.");
        }

        await users.DeleteAsync(userName, cancellationToken);
        await audit.RecordAsync(new AuditRecord(actor, ActorKind.User, AuditActions.UserDelete, userName), cancellationToken);
        return new UserChangeResult(true, $"Deleted '{userName}'.");
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ValidUserName();
}
