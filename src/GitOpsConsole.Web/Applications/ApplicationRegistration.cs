using GitOpsConsole.Core.Agent.Policies;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Web.Connections;

namespace GitOpsConsole.Web.Applications;

/// <summary>
/// Adds or removes an application while the console runs (the scenario lab's twins), everywhere the configured
/// ones are known: the store's catalog, the Git mirrors, the integration choices and the event matcher's list (and,
/// on removal, the freeze periods declared for it).
/// Configured applications are registered at start from configuration instead.
/// </summary>
internal sealed class ApplicationRegistration(ApplicationCatalog catalog, GitMirrorCache mirrors, ApplicationChoices choices, EventStore events, PolicyBook policies)
{
    /// <summary>Registers the application and returns it as stored; it matches events from the next one on.</summary>
    public async Task<Application> AddAsync(ApplicationOptions options, ApplicationOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        mirrors.AddRepository(options.Name, options.Repository);
        choices.Add(options);
        await catalog.SyncAsync([options], origin, cancellationToken);
        events.ApplicationsChanged();
        return await catalog.FindAsync(options.Name, cancellationToken)
            ?? throw new InvalidOperationException($"{options.Name} was not registered.");
    }

    /// <summary>
    /// Makes stored run-time applications known again after a restart: Git mirrors, integration choices and the event
    /// matcher, without writing to the store.
    /// </summary>
    public void Restore(IReadOnlyList<ApplicationOptions> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var options in stored)
        {
            mirrors.AddRepository(options.Name, options.Repository);
            choices.Add(options);
        }

        if (stored.Count > 0)
        {
            events.ApplicationsChanged();
        }
    }

    /// <summary>Retires the application (its runs stay in the store) and forgets it everywhere else, mirror included.</summary>
    public async Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        await catalog.RetireAsync(name, cancellationToken);
        events.ApplicationsChanged();
        choices.Remove(name);
        await mirrors.RemoveRepositoryAsync(name, cancellationToken);
        policies.Forget(name);
    }
}
