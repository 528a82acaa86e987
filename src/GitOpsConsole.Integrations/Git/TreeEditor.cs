using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// Applies per-file edit functions to a commit's tree. Content is stored exactly as the edit
/// returns it (no line-ending or other filters), so only the bytes the edit changed differ.
/// </summary>
internal static class TreeEditor
{
    /// <summary>The edited tree, or null when no edit changed anything.</summary>
    public static Tree? Apply(MirrorSession session, string branch, Commit tip, IReadOnlyDictionary<string, Func<byte[]?, byte[]?>> edits)
    {
        var repository = session.Repository;
        var where = $"on branch '{branch}' of {session.Describe}";
        var definition = TreeDefinition.From(tip.Tree);
        foreach (var (path, edit) in edits)
        {
            var entry = tip[path];
            if (entry is not null && entry.TargetType != TreeEntryTargetType.Blob)
            {
                throw session.Fail($"Cannot write '{path}' {where}: it is a folder or submodule, not a file", null);
            }

            if (FileInTheWay(tip, path) is { } file)
            {
                throw session.Fail($"Cannot write '{path}' {where}: '{file}' is a file, not a folder", null);
            }

            var current = entry is null ? null : TreeReader.ReadFile(tip, path);
            var next = edit(current);
            if (next is null)
            {
                if (entry is not null)
                {
                    definition.Remove(path);
                }

                continue;
            }

            if (current is not null && current.AsSpan().SequenceEqual(next))
            {
                continue;
            }

            using var content = new MemoryStream(next, writable: false);
            var newBlob = repository.ObjectDatabase.CreateBlob(content);

            // An edited file keeps its mode, so an executable script stays executable.
            var mode = entry?.Mode is Mode.ExecutableFile or Mode.SymbolicLink ? entry.Mode : Mode.NonExecutableFile;
            definition.Add(path, newBlob, mode);
        }

        var tree = repository.ObjectDatabase.CreateTree(definition);
        return tree.Id == tip.Tree.Id ? null : tree;
    }

    // libgit2 would silently replace a file with a folder of the same name; an edit must never delete a file that way.
    private static string? FileInTheWay(Commit tip, string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            var parent = path[..slash];
            if (tip[parent] is { TargetType: not TreeEntryTargetType.Tree })
            {
                return parent;
            }
        }

        return null;
    }
}
