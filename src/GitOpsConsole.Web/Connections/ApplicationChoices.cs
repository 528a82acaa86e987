using System.Collections.Concurrent;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Integrations.GitHub;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Connections;

/// <summary>
/// Each application's choice of CI, commit statuses and GitHub repository, looked up by name: the configured ones,
/// plus those the console adds while it runs (the scenario lab's twins), which <see cref="Add"/> registers.
/// </summary>
internal sealed class ApplicationChoices(IOptions<GitOpsOptions> options)
{
    private readonly ConcurrentDictionary<string, (ApplicationOptions App, IntegrationChoice Choice)> _byName = new(
        options.Value.Applications.Select(a => KeyValuePair.Create(a.Name, (a, IntegrationChoice.For(a, options.Value.GitHub)))), StringComparer.Ordinal);

    /// <summary>Registers an application created at run time, so the routers serve it like a configured one.</summary>
    public void Add(ApplicationOptions app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _byName[app.Name] = (app, IntegrationChoice.For(app, options.Value.GitHub));
    }

    /// <summary>Forgets an application added at run time; configured ones stay.</summary>
    public void Remove(string name)
    {
        if (!options.Value.Applications.Any(a => a.Name == name))
        {
            _byName.TryRemove(name, out _);
        }
    }

    public IntegrationChoice For(Application app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return _byName.TryGetValue(app.Name, out var entry)
            ? entry.Choice
            : throw new InvalidOperationException($"{app.Name} is not a configured application.");
    }

    /// <summary>The application's declared settings; null for a name the console does not know.</summary>
    public ApplicationOptions? Find(string name) => _byName.TryGetValue(name, out var entry) ? entry.App : null;

    public ApplicationOptions Options(Application app) =>
        _byName.TryGetValue(app.Name, out var entry) ? entry.App : throw new InvalidOperationException($"{app.Name} is not a configured application.");

    /// <summary>The application's repository on GitHub; an error naming the setting when it has none.</summary>
    public GitHubRepository GitHubRepositoryOf(Application app) =>
        For(app).GitHubRepository is { } named && named.Split('/') is [var owner, var name]
            ? new GitHubRepository(owner, name)
            : throw new InvalidOperationException($"{app.Name} has no repository on GitHub: set GitOps:Applications:<n>:GitHubRepository (owner/name).");

    /// <summary>The applications whose repository on GitHub is <paramref name="repository"/> (owner/name, as GitHub compares it: ignoring case).</summary>
    public IReadOnlyList<string> OnGitHubRepository(GitHubRepository repository) =>
        [.. _byName.Where(e => string.Equals(e.Value.Choice.GitHubRepository, repository.ToString(), StringComparison.OrdinalIgnoreCase)).Select(e => e.Key).Order(StringComparer.Ordinal)];

    /// <summary>The applications that talk to GitHub's API (CI, statuses, or pull requests for PR write-back).</summary>
    public static IEnumerable<string> UsingGitHub(GitOpsOptions options) =>
        options.Applications
            .Where(a => IntegrationChoice.For(a, options.GitHub) is var c && (c.UsesGitHub || (a.WriteBack == WriteBackMode.PullRequest && c.GitHubRepository is not null)))
            .Select(a => a.Name);
}
