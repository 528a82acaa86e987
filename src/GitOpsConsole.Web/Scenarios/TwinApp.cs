using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>One of a scenario's twin worlds: its own application, repository, registry repository and namespace, at the starting state.</summary>
/// <param name="PreviousImage">The image running before the event.</param>
internal sealed record TwinApp(DeploymentEngine Engine, Application Application, string PreviousImage)
{
    public string Name => Application.Name;
}
