namespace GitOpsConsole.Integrations.Git;

/// <summary>Where the local mirrors live, which repository each application uses, and how writes retry.</summary>
public sealed class GitMirrorOptions
{
    /// <summary>Folder of the bare mirrors, normally <c>&lt;data&gt;/repos</c>; each application gets <c>&lt;app&gt;.git</c>.</summary>
    public required string MirrorDirectory { get; init; }

    /// <summary>Application name → configured repository (clone URL, path, or <c>sandbox:&lt;name&gt;</c>).</summary>
    public required IReadOnlyDictionary<string, string> Repositories { get; init; }

    /// <summary>
    /// Credentials for a remote URL, asked each time the remote requires them; null = anonymous.
    /// Tokens handed out here are redacted from every error message and log line.
    /// </summary>
    public Func<string, GitCredential?>? Credentials { get; init; }

    /// <summary>Push attempts for one write before giving up because the branch keeps moving.</summary>
    public int MaxPushAttempts { get; init; } = 5;

    /// <summary>How many commits back from a branch tip a trailer search looks (idempotency check).</summary>
    public int TrailerSearchDepth { get; init; } = 1000;
}
