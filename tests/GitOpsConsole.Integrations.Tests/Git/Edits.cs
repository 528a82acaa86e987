using System.Text;

namespace GitOpsConsole.Integrations.Tests.Git;

/// <summary>Edit functions for the writer, as the values tools would pass them.</summary>
internal static class Edits
{
    /// <summary>Replaces the first occurrence of <paramref name="from"/> in the file's text.</summary>
    public static Func<byte[]?, byte[]?> Replace(string from, string to) => current =>
    {
        var text = Encoding.UTF8.GetString(current ?? throw new InvalidOperationException("The file should exist."));
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return at < 0
            ? throw new InvalidOperationException($"'{from}' is not in the file.")
            : Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)));
    };

    public static Dictionary<string, Func<byte[]?, byte[]?>> One(string path, Func<byte[]?, byte[]?> edit) => new() { [path] = edit };
}
