using System.Text.RegularExpressions;

namespace GitOpsConsole.Core.Images;

/// <summary>
/// The OCI distribution grammar for tags and the sha256 digests we write. Checked before any value reaches a file, so a
/// registry answer such as <c>1.0\nimage: evil</c> can never become YAML structure.
/// </summary>
public static partial class OciTag
{
    [GeneratedRegex(@"\A[A-Za-z0-9_][A-Za-z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    // The OCI image spec requires the sha256 encoded part to be lowercase hex.
    [GeneratedRegex(@"\Asha256:[a-f0-9]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();

    public static bool IsValidTag(string? tag) => tag is not null && TagPattern().IsMatch(tag);

    public static bool IsValidDigest(string? digest) => digest is not null && DigestPattern().IsMatch(digest);

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong with <paramref name="tag"/>.</summary>
    public static string ValidateTag(string? tag) => IsValidTag(tag) ? tag! : throw new ArgumentException(DescribeBadTag(tag), nameof(tag));

    public static string ValidateDigest(string? digest) =>
        IsValidDigest(digest) ? digest! : throw new ArgumentException($"'{Show(digest)}' is not a digest of the form sha256:<64 lowercase hex digits>", nameof(digest));

    private static string DescribeBadTag(string? tag) => tag switch
    {
        null or "" => "an image tag cannot be empty",
        { Length: > 128 } => $"image tag '{Show(tag[..32])}…' is {tag.Length} characters long; at most 128 are allowed",
        _ when tag[0] is '.' or '-' => $"image tag '{Show(tag)}' must start with a letter, digit or '_'",
        _ => $"image tag '{Show(tag)}' may only contain letters, digits, '_', '.' and '-'",
    };

    /// <summary>Control characters are shown escaped so an injected line break is visible in the message.</summary>
    private static string Show(string? text) =>
        text is null ? string.Empty : string.Concat(text.Select(c => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ when char.IsControl(c) => $"\\x{(int)c:X2}",
            _ => c.ToString(),
        }));
}
