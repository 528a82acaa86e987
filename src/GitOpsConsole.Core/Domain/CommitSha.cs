namespace GitOpsConsole.Core.Domain;

/// <summary>How commits are named to people: the first seven characters, as git and GitHub abbreviate them.</summary>
public static class CommitSha
{
    public static string Abbreviate(string sha)
    {
        ArgumentNullException.ThrowIfNull(sha);
        return sha.Length > 7 ? sha[..7] : sha;
    }
}
