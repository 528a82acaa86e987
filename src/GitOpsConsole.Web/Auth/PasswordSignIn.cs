using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace GitOpsConsole.Web.Auth;

public enum SignInResultKind
{
    SignedIn,
    InvalidCredentials,
    LockedOut,
}

public sealed record SignInOutcome(SignInResultKind Kind, TimeSpan? RetryAfter = null);

/// <summary>Checks a user name and password, throttles failures, audits every attempt and issues the cookie.</summary>
public sealed class PasswordSignIn(
    UserStore users,
    IPasswordHasher<UserAccount> hasher,
    SignInThrottle throttle,
    IAuditLog audit,
    TimeProvider time)
{
    // Verifying against a real hash when the user is unknown keeps both paths equally slow.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<UserAccount>().HashPassword(null!, PasswordGenerator.Generate()));

    public async Task<SignInOutcome> SignInAsync(HttpContext http, string userName, string password, bool persistent)
    {
        ArgumentNullException.ThrowIfNull(http);
        userName = (userName ?? "").Trim();
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var cancellationToken = http.RequestAborted;

        if (throttle.RetryAfter(userName, address) is { } wait)
        {
            await audit.RecordAsync(new AuditRecord(userName, ActorKind.User, AuditActions.SignInLockedOut, userName,
                Succeeded: false, Detail: $"refused, too many failed sign-ins; retry in {wait.TotalSeconds:0} s", RemoteAddress: address), cancellationToken);
            return new SignInOutcome(SignInResultKind.LockedOut, wait);
        }

        var user = userName.Length == 0 ? null : await users.FindAsync(userName, cancellationToken);
        var verdict = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash.Value, password ?? "");
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            throttle.RecordFailure(userName, address);
            await audit.RecordAsync(new AuditRecord(userName, ActorKind.User, AuditActions.SignIn, userName,
                Succeeded: false, Detail: user is null ? "unknown user" : "wrong password", RemoteAddress: address), cancellationToken);
            return new SignInOutcome(SignInResultKind.InvalidCredentials);
        }

        throttle.Reset(userName, address);
        var now = time.GetUtcNow();
        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password!) : null;
        await users.UpdateAsync(user.UserName, u =>
        {
            u.LastSignInAt = now;
            u.PasswordHash = rehash ?? u.PasswordHash;
        }, cancellationToken);

        var principal = ConsoleRoles.Principal(user.UserName, user.Role, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = persistent });
        await audit.RecordAsync(new AuditRecord(user.UserName, ActorKind.User, AuditActions.SignIn, user.UserName,
            Detail: $"role {user.Role}", RemoteAddress: address), cancellationToken);
        return new SignInOutcome(SignInResultKind.SignedIn);
    }
}
