using System.Text.RegularExpressions;

namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// Removes credentials from text that is about to leave the adapter: user info embedded in URLs
/// (<c>https://user:token@host</c>) and any token the credentials hook handed out.
/// </summary>
internal static partial class SecretRedactor
{
    public static string Redact(string text, IEnumerable<string> secrets)
    {
        var result = UserInfo().Replace(text, "${scheme}***@");
        foreach (var secret in secrets)
        {
            if (secret.Length > 0)
            {
                result = result.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return result;
    }

    public static string RedactUrl(string url) => UserInfo().Replace(url, "${scheme}***@");

    [GeneratedRegex(@"(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s]+@")]
    private static partial Regex UserInfo();
}
