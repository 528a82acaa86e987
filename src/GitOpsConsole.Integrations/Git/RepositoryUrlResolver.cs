namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// Maps <c>sandbox:&lt;name&gt;</c> to the sandbox Git host's bare repository and leaves every other
/// repository (https URL, file path) as configured. This mapping is the only place the sandbox is
/// known: clone, fetch and push then go through the same code as for a real host.
/// </summary>
public sealed class RepositoryUrlResolver : IRepositoryUrlResolver
{
    public const string SandboxScheme = "sandbox:";

    private readonly string? _sandboxGitDirectory;

    /// <param name="sandboxGitDirectory">The sandbox host's <c>&lt;data&gt;/sandbox/git</c>; null when the sandbox is off.</param>
    public RepositoryUrlResolver(string? sandboxGitDirectory)
    {
        _sandboxGitDirectory = sandboxGitDirectory is null ? null : Path.GetFullPath(sandboxGitDirectory);
    }

    /// <summary>The resolver for a console whose data folder is <paramref name="dataDirectory"/>.</summary>
    public static RepositoryUrlResolver ForDataDirectory(string dataDirectory, bool sandboxEnabled) =>
        new(sandboxEnabled ? Path.Combine(dataDirectory, "sandbox", "git") : null);

    public string Resolve(string configuredRepository)
    {
        if (string.IsNullOrWhiteSpace(configuredRepository))
        {
            throw new GitOperationException("The application names no repository.");
        }

        if (!configuredRepository.StartsWith(SandboxScheme, StringComparison.OrdinalIgnoreCase))
        {
            return configuredRepository;
        }

        var name = configuredRepository[SandboxScheme.Length..];
        if (!IsPlainName(name))
        {
            throw new GitOperationException(
                $"'{configuredRepository}' is not a sandbox repository name: use sandbox:<name> with letters, digits, '.', '-' or '_'.");
        }

        if (_sandboxGitDirectory is null)
        {
            throw new GitOperationException(
                $"'{configuredRepository}' names a sandbox repository but the sandbox is not enabled.");
        }

        return Path.Combine(_sandboxGitDirectory, name + ".git");
    }

    // A name is a single path segment, so a configured value can never point outside the host's folder.
    private static bool IsPlainName(string name) =>
        name.Length > 0
        && name is not "." and not ".."
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
