using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Web.Runs;

namespace GitOpsConsole.Web.Connections;

/// <summary><c>ci.*</c> for each application on the CI it is configured with: the sandbox runner or GitHub Actions.</summary>
internal sealed class CiRouter(ApplicationChoices choices, SandboxCiTool sandbox, GitHubConnection github) : ICiTool
{
    public Task<CiBuild> TriggerBuildAsync(Application app, string commit, CancellationToken cancellationToken = default) =>
        For(app).TriggerBuildAsync(app, commit, cancellationToken);

    public Task<CiBuild> GetBuildAsync(Application app, string buildId, CancellationToken cancellationToken = default) =>
        For(app).GetBuildAsync(app, buildId, cancellationToken);

    public Task<CiBuild> WaitForBuildAsync(Application app, string buildId, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        For(app).WaitForBuildAsync(app, buildId, timeout, cancellationToken);

    private ICiTool For(Application app) =>
        choices.For(app).Ci == CiProviders.GitHubActions ? github.Ci(app) : sandbox;
}
