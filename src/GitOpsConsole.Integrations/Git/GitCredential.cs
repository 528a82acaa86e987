namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// User name and token for an HTTPS remote. <see cref="ToString"/> hides the token so a credential
/// that ends up in a log line or an exception message gives nothing away.
/// </summary>
public sealed record GitCredential(string Username, string Token)
{
    public override string ToString() => $"GitCredential {{ Username = {Username}, Token = *** }}";
}
