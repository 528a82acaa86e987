using GitOpsConsole.Core.Images;
using GitOpsConsole.Helm.ImageTags;

namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>
/// Surgical edits of one scalar in a YAML file (a Helm values file, typically): only that scalar's characters change;
/// comments, key order, quoting, indentation, line endings, the final newline and a BOM stay byte for byte.
/// </summary>
public static class ValuesEditor
{
    /// <summary>Sets the string at <paramref name="path"/>; see <see cref="SetScalar(string, YamlPath, ScalarValue, YamlEditOptions?)"/>.</summary>
    public static YamlEditResult SetString(string yaml, string path, string value, YamlEditOptions? options = null) =>
        SetScalar(yaml, YamlPath.Parse(path), ScalarValue.FromString(value), options);

    /// <summary>
    /// Sets an image tag (<c>tag</c>, <c>tag@sha256:…</c> or <c>sha256:…</c>) after checking it against the OCI grammar, so a
    /// hostile or broken registry answer is refused with <see cref="ArgumentException"/> instead of being written.
    /// </summary>
    public static YamlEditResult SetImageTag(string yaml, string path, string tag, YamlEditOptions? options = null) =>
        SetScalar(yaml, YamlPath.Parse(path), ScalarValue.FromString(ImageTagValue.Validate(tag)), options);

    /// <summary>
    /// Replaces the scalar at <paramref name="path"/>. Refuses (with <see cref="YamlEditException"/>) invalid YAML, missing
    /// paths, mappings, sequences and block scalars, anything shared through anchors and aliases, duplicate keys on the
    /// path, and multi-document files without <see cref="YamlEditOptions.DocumentIndex"/>. When the scalar already holds
    /// the value the result is the input itself with no edits.
    /// </summary>
    public static YamlEditResult SetScalar(string yaml, YamlPath path, ScalarValue value, YamlEditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(path);
        var documents = YamlSourceReader.Read(yaml);
        var node = ScalarLocator.Locate(documents, path, options?.DocumentIndex);
        var edit = ScalarRewriter.Plan(yaml, node, value, path.Text);
        if (edit is null)
        {
            return new YamlEditResult(yaml, []);
        }

        var result = new YamlEditResult(TextSplicer.Apply(yaml, [edit]), [edit]);
        EditVerifier.Verify(result.Text, path, value, options?.DocumentIndex);
        return result;
    }

    /// <summary>The same on a file's bytes (UTF-8, with or without BOM); write back <see cref="YamlEditResult.ToUtf8Bytes"/>.</summary>
    public static YamlEditResult SetScalar(ReadOnlySpan<byte> utf8Yaml, YamlPath path, ScalarValue value, YamlEditOptions? options = null) =>
        SetScalar(Utf8Text.Decode(utf8Yaml), path, value, options);

    /// <summary>Reads the scalar at <paramref name="path"/> under the same rules an edit would apply.</summary>
    public static string GetScalar(string yaml, YamlPath path, YamlEditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(path);
        return ScalarLocator.Locate(YamlSourceReader.Read(yaml), path, options?.DocumentIndex).Value;
    }
}
