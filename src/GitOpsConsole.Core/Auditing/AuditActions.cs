namespace GitOpsConsole.Core.Auditing;

/// <summary>The audit vocabulary, so filters and writers agree on spelling.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign-in";
    public const string SignOut = "auth.sign-out";
    public const string SignInLockedOut = "auth.locked-out";
    public const string PasswordChange = "auth.password-change";
    public const string UserCreate = "users.create";
    public const string UserRoleChange = "users.role-change";
    public const string UserDelete = "users.delete";
    public const string AdminProvisioned = "users.initial-admin";
    public const string ApiTokenCreate = "api-tokens.create";
    public const string ApiTokenRevoke = "api-tokens.revoke";
    public const string ApplicationsSynced = "settings.applications-synced";
    public const string OperatorSync = "operator.sync";
    public const string GitCommit = "git.commit";
    public const string GitRevert = "git.revert";
    public const string RunCancel = "runs.cancel";
}
