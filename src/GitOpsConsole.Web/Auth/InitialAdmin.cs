using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Users;
using GitOpsConsole.Web.Startup;
using Microsoft.AspNetCore.Identity;

namespace GitOpsConsole.Web.Auth;

/// <summary>
/// On a first start with no users, creates <c>admin</c> with a generated password, prints it once
/// and leaves it in <c>&lt;data&gt;/initial-admin-password</c> (Argo CD's habit). Only the hash is stored.
/// </summary>
public sealed partial class InitialAdmin(
    UserStore users,
    IPasswordHasher<UserAccount> hasher,
    IAuditLog audit,
    DataPaths paths,
    TimeProvider time,
    ILogger<InitialAdmin> logger)
{
    public const string UserName = "admin";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(cancellationToken))
        {
            return;
        }

        var password = PasswordGenerator.Generate();
        var admin = new UserAccount { UserName = UserName, PasswordHash = "", Role = UserRole.Admin, CreatedAt = time.GetUtcNow() };
        admin.PasswordHash = hasher.HashPassword(admin, password);
        if (!await users.TryAddAsync(admin, cancellationToken))
        {
            return;
        }

        await WritePasswordFileAsync(password, cancellationToken);
        LogCreated(logger, UserName, password, paths.InitialAdminPassword);
        await audit.RecordAsync(new AuditRecord("system", ActorKind.System, AuditActions.AdminProvisioned, UserName,
            Detail: $"password written to {paths.InitialAdminPassword}"), cancellationToken);
    }

    /// <summary>Removes the file once the generated password is no longer the admin's.</summary>
    public void ForgetPasswordFile()
    {
        if (File.Exists(paths.InitialAdminPassword))
        {
            File.Delete(paths.InitialAdminPassword);
        }
    }

    private async Task WritePasswordFileAsync(string password, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(paths.InitialAdminPassword, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteLineAsync(password.AsMemory(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first user '{UserName}' with the generated password {Password} (also in {PasswordFile}). Sign in and change it.")]
    private static partial void LogCreated(ILogger logger, string userName, string password, string passwordFile);
}
