namespace GitOpsConsole.Integrations.Git;

/// <summary>Who a commit is by. The time comes from the adapter's <see cref="TimeProvider"/>.</summary>
public sealed record GitSignature(string Name, string Email);

/// <summary>A <c>Key: value</c> line at the end of a commit message, e.g. <c>GitOps-Run: 42</c>.</summary>
public sealed record GitTrailer(string Key, string Value);

/// <summary>One commit as the engines and the UI see it.</summary>
public sealed record GitCommitInfo(
    string Sha,
    string AuthorName,
    string AuthorEmail,
    string Message,
    DateTimeOffset When,
    IReadOnlyList<string> Parents)
{
    /// <summary>The first line of the message.</summary>
    public string Subject => Message.Split('\n', 2)[0].TrimEnd('\r');
}

/// <summary>What a write did.</summary>
public enum GitWriteOutcome
{
    /// <summary>A new commit was pushed.</summary>
    Committed,

    /// <summary>A commit with the same trailers was already on the branch; it is returned and nothing was pushed.</summary>
    AlreadyDone,

    /// <summary>The change was already in effect (same content, or already merged); the branch tip is returned.</summary>
    NoChange,
}

/// <summary>The commit a write produced or found.</summary>
public sealed record GitWriteResult(string Sha, GitWriteOutcome Outcome);
