using LibGit2Sharp;

namespace GitOpsConsole.Sandbox.Ci;

/// <summary>Reads what a build needs to know about a commit straight from the bare repository.</summary>
internal static class CommitInspector
{
    /// <summary>The full SHA of a commit-ish (SHA, short SHA, branch or tag name).</summary>
    /// <exception cref="ArgumentException">Nothing in the repository by that name is a commit.</exception>
    public static string Resolve(string repositoryPath, string repository, string commitish)
    {
        using var repo = new Repository(repositoryPath);
        var target = string.IsNullOrWhiteSpace(commitish) ? null : repo.Lookup(commitish, ObjectType.Commit) as Commit;
        return target?.Sha ?? throw new ArgumentException($"Commit '{commitish}' was not found in repository '{repository}'.", nameof(commitish));
    }

    public static CiDefinition ReadDefinition(string repositoryPath, string commit)
    {
        using var repo = new Repository(repositoryPath);
        var entry = repo.Lookup<Commit>(commit)[CiDefinition.FileName];
        if (entry?.Target is not Blob blob)
        {
            throw new CiFileException($"{CiDefinition.FileName} is missing: commit {commit[..7]} has no build definition at the repository root.");
        }
        return CiFileParser.Parse(blob.GetContentText());
    }

    public static string TagFor(string repositoryPath, string commit, TagRule rule)
    {
        if (rule == TagRule.ShortSha)
        {
            return commit[..7];
        }
        using var repo = new Repository(repositoryPath);
        var tags = repo.Tags.Where(t => t.PeeledTarget.Sha == commit).Select(t => t.FriendlyName).Order(StringComparer.Ordinal).ToList();
        return tags.Count > 0
            ? tags[^1]
            : throw new CiFileException($"{CiDefinition.FileName} asks for the gitTag rule, but no tag points at commit {commit[..7]}; push a tag for it.");
    }
}
