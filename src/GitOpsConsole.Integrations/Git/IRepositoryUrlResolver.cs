namespace GitOpsConsole.Integrations.Git;

/// <summary>Turns an application's configured repository into a URL or path LibGit2Sharp can clone.</summary>
public interface IRepositoryUrlResolver
{
    string Resolve(string configuredRepository);
}
