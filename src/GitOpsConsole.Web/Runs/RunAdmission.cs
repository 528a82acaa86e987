using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Web.Connections;

namespace GitOpsConsole.Web.Runs;

/// <summary>Whether an accepted event gets a run, with which engine, or why not.</summary>
internal sealed record RunVerdict(bool Admitted, DeploymentEngine Engine, string Reason)
{
    public static RunVerdict No(string reason) => new(false, default, reason);
}

/// <summary>
/// Decides which accepted events become runs. A released image that a running build-and-deploy run of the
/// same application is producing, or that a run already deployed, needs no run of its own; a commit of a
/// repository without a CI cannot be built into an image.
/// </summary>
internal sealed class RunAdmission(RunQuery runs, ApplicationChoices choices)
{
    public async Task<RunVerdict> DecideAsync(TriggerEvent trigger, Application app, CancellationToken cancellationToken)
    {
        var engine = trigger.RequestedEngine ?? app.Engine;

        if (engine == DeploymentEngine.Agent && trigger.Kind == TriggerKind.PullRequest)
        {
            return RunVerdict.No("pull-request checks are the workflow's; the agent deploys");
        }

        if (trigger is { Tag: null, CommitSha: not null } && !app.RepositoryUrl.StartsWith("sandbox:", StringComparison.Ordinal)
            && choices.For(app).Ci != CiProviders.GitHubActions)
        {
            // The sandbox runner builds only sandbox repositories; others need Ci: GitHubActions. The change itself
            // is still synced by the operator (automated sync on the push or poll).
            return RunVerdict.No($"no CI is configured for {app.RepositoryUrl} (set Ci:Provider GitHubActions), so its commits cannot be built into images here; an image release event deploys it");
        }

        if (trigger is { Kind: TriggerKind.ImageRelease, Image: { } image, Tag: { } tag })
        {
            var building = (await runs.ActiveOfApplicationAsync(app.Id, cancellationToken))
                .FirstOrDefault(r => r.TriggerEvent is { CommitSha: not null, Tag: null });
            if (building is not null)
            {
                return RunVerdict.No($"run {building.Id} builds {app.Name} from a commit and deploys the image it builds");
            }

            if (await runs.DeployedAsync(app.Id, $"{image}:{tag}", cancellationToken) is { } deployed)
            {
                return RunVerdict.No($"run {deployed.Id} already deployed {image}:{tag}");
            }
        }

        return new RunVerdict(true, engine, "");
    }

    /// <summary>The run an event already has (one event, one run per application it names).</summary>
    public Task<Run?> ExistingRunAsync(Guid eventId, CancellationToken cancellationToken) => runs.RunOfEventAsync(eventId, cancellationToken);
}
