using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

/// <summary>Reads blobs out of a commit's tree.</summary>
internal static class TreeReader
{
    /// <summary>The file's bytes, or null when the commit has no file at that path.</summary>
    public static byte[]? ReadFile(Commit commit, string path) =>
        commit[path]?.Target is Blob blob ? Bytes(blob) : null;

    /// <summary>Every file under <paramref name="folder"/>, keyed by its path relative to the folder.</summary>
    public static Dictionary<string, byte[]>? ReadFolder(Commit commit, string folder)
    {
        var tree = folder.Length == 0 ? commit.Tree : commit[folder]?.Target as Tree;
        if (tree is null)
        {
            return null;
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        Collect(tree, "", files);
        return files;
    }

    private static void Collect(Tree tree, string prefix, Dictionary<string, byte[]> files)
    {
        foreach (var entry in tree)
        {
            switch (entry.Target)
            {
                case Tree subtree:
                    Collect(subtree, prefix + entry.Name + "/", files);
                    break;

                // Symbolic links are kept as their target text, which is what Git stores; submodules have no content here.
                case Blob blob:
                    files[prefix + entry.Name] = Bytes(blob);
                    break;
            }
        }
    }

    private static byte[] Bytes(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
