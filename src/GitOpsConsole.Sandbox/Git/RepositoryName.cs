namespace GitOpsConsole.Sandbox.Git;

/// <summary>
/// Repository names become directory names under the data folder, so anything that could escape
/// it (slashes, "..", hidden names) is refused before a path is ever built from it.
/// </summary>
public static class RepositoryName
{
    public const int MaxLength = 100;

    public static bool IsValid(string? name) => Problem(name) is null;

    /// <exception cref="ArgumentException">The name is not a valid repository name; the message says why.</exception>
    public static string Validate(string? name)
    {
        var problem = Problem(name);
        return problem is null
            ? name!
            : throw new ArgumentException($"Invalid repository name '{name}': {problem}.", nameof(name));
    }

    private static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the name is empty";
        }
        if (name.Length > MaxLength)
        {
            return $"the name is longer than {MaxLength} characters";
        }
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            return "slashes are not allowed";
        }
        if (name.Contains("..", StringComparison.Ordinal))
        {
            return "'..' is not allowed";
        }
        if (name[0] == '.')
        {
            return "the name must not start with a dot";
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return $"the character '{c}' is not allowed (use letters, digits, '-', '_' and '.')";
            }
        }
        return null;
    }
}
