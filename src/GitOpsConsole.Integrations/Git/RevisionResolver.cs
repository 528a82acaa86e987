using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// Resolves what callers call a revision — a branch of the remote, a tag, a full or short SHA — to
/// a commit. An unknown revision triggers one fetch before it is reported missing, so a SHA that
/// was pushed a moment ago resolves without the caller fetching first.
/// </summary>
internal static class RevisionResolver
{
    public static Commit Resolve(MirrorSession session, string revision)
    {
        if (string.IsNullOrWhiteSpace(revision) || revision.Any(char.IsWhiteSpace))
        {
            throw new GitOperationException($"'{revision}' is not a revision (branch, tag or commit SHA).");
        }

        if (Find(session.Repository, revision) is { } commit)
        {
            return commit;
        }

        session.Fetch();
        return Find(session.Repository, revision)
            ?? throw session.Fail($"Revision '{revision}' was not found in {session.Describe}", null);
    }

    private static Commit? Find(Repository repository, string revision)
    {
        string[] refNames = revision.StartsWith("refs/", StringComparison.Ordinal)
            ? [revision]
            : [$"refs/remotes/origin/{revision}", $"refs/tags/{revision}"];
        foreach (var name in refNames)
        {
            if (repository.Refs[name]?.ResolveToDirectReference()?.Target is { } target)
            {
                return target.Peel<Commit>();
            }
        }

        if (!IsHex(revision))
        {
            return null;
        }

        try
        {
            return repository.Lookup<Commit>(revision);
        }
        catch (AmbiguousSpecificationException ex)
        {
            throw new GitOperationException($"The short SHA '{revision}' matches more than one object; give more digits.", ex);
        }
    }

    private static bool IsHex(string revision) =>
        revision.Length is >= 4 and <= 40 && revision.All(char.IsAsciiHexDigit);
}
