using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Integrations.GitHub;
using GitOpsConsole.Web.Connections;

namespace GitOpsConsole.Web.Ingestion;

/// <summary>
/// What a parsed GitHub delivery needs beyond the event store: a <c>workflow_run</c> goes to the build that follows the run
/// (or is recorded as ignored), and a source release is addressed to the applications whose GitHubRepository it comes from.
/// </summary>
internal sealed class GitHubDeliveries(WorkflowRunSignals signals, ApplicationChoices choices, EventStore store)
{
    public async Task<IResult> RecordAsync(WebhookParseResult parsed, string deliveryId, CancellationToken ct)
    {
        if (parsed is { Outcome: WebhookParseOutcome.CiProgress, WorkflowRun: { } run })
        {
            if (signals.Deliver(run))
            {
                return Results.Json(new { status = "followed", runId = run.RunId, state = run.Status, conclusion = run.Conclusion }, statusCode: StatusCodes.Status202Accepted);
            }

            parsed = WebhookParseResult.Of(run.Unfollowed(deliveryId));
        }

        return await WebhookEndpoints.RecordAsync(parsed with { Events = [.. parsed.Events.SelectMany(AddressRelease)] }, store, ct);
    }

    // An application built on GitHub may deploy from another repository (or the sandbox's); its GitHubRepository names the source.
    private IEnumerable<IncomingEvent> AddressRelease(IncomingEvent incoming)
    {
        if (incoming is not { Kind: TriggerKind.ImageRelease, Image: null, Application: null, IgnoreReason: null, Repository: { } source })
        {
            return [incoming];
        }

        var apps = choices.OnGitHubRepository(GitHubRepository.Parse(source));
        return apps.Count switch
        {
            0 => [incoming],
            1 => [incoming with { Application = apps[0] }],
            _ => apps.Select(a => incoming with { Application = a, DeliveryId = $"{incoming.DeliveryId}#{a}" }),
        };
    }
}
