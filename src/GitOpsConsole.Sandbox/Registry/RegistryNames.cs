using System.Text.RegularExpressions;

namespace GitOpsConsole.Sandbox.Registry;

/// <summary>The grammar of the distribution spec for repository names, tags and digests.</summary>
public static partial class RegistryNames
{
    public static bool IsValidRepository(string name) => name.Length <= 255 && RepositoryPattern().IsMatch(name);

    public static bool IsValidTag(string tag) => TagPattern().IsMatch(tag);

    public static bool IsValidDigest(string digest) => DigestPattern().IsMatch(digest);

    public static string ValidateRepository(string name) => IsValidRepository(name)
        ? name
        : throw new ArgumentException($"Invalid image repository name '{name}': use lowercase letters, digits and separators (. _ __ -), path components joined by '/'.", nameof(name));

    public static string ValidateTag(string tag) => IsValidTag(tag)
        ? tag
        : throw new ArgumentException($"Invalid image tag '{tag}': up to 128 of letters, digits, '_', '.', '-', not starting with '.' or '-'.", nameof(tag));

    [GeneratedRegex("^[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex DigestPattern();
}
