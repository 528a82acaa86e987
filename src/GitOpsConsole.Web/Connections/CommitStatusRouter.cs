using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Web.Runs;

namespace GitOpsConsole.Web.Connections;

/// <summary>
/// <c>commit.*</c> for each application on the host its statuses go to: the sandbox Git host, GitHub, or
/// none (a repository on a host the console has no status API for: nothing is reported, nothing is read).
/// </summary>
internal sealed class CommitStatusRouter(ApplicationChoices choices, SandboxCommitStatusTool sandbox, GitHubConnection github) : ICommitStatusTool
{
    public Task SetStatusAsync(Application app, string commit, CommitStatusReport status, CancellationToken cancellationToken = default) =>
        For(app) is { } tool ? tool.SetStatusAsync(app, commit, status, cancellationToken) : Task.CompletedTask;

    public Task<IReadOnlyList<CommitStatusReport>> GetStatusesAsync(Application app, string commit, CancellationToken cancellationToken = default) =>
        For(app) is { } tool ? tool.GetStatusesAsync(app, commit, cancellationToken) : Task.FromResult<IReadOnlyList<CommitStatusReport>>([]);

    /// <summary>Whether the application's runs are reported anywhere.</summary>
    public bool Reports(Application app) => For(app) is not null;

    private ICommitStatusTool? For(Application app) => choices.For(app).CommitStatus switch
    {
        CommitStatusProviders.GitHub => github.Statuses.Value,
        CommitStatusProviders.Sandbox => sandbox,
        _ => null,
    };
}
