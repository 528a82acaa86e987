namespace GitOpsConsole.Sandbox.Git;

/// <summary>
/// One ref update in a sandbox repository. Before/After are full SHAs; a created ref has
/// <see cref="ZeroSha"/> as Before and a deleted ref has it as After (the convention of git hooks
/// and GitHub push webhooks).
/// </summary>
public sealed record GitPush(
    string Repository,
    string Ref,
    string Before,
    string After,
    IReadOnlyList<GitPushCommit> Commits)
{
    public const string ZeroSha = "0000000000000000000000000000000000000000";

    public bool IsDeletion => After == ZeroSha;
}

/// <summary>A commit a push brought in, oldest first.</summary>
public sealed record GitPushCommit(string Sha, string Author, string Message, DateTimeOffset Timestamp);
