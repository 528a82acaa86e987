using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Web.Sandbox;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>
/// Fires a scenario's event into one twin the way the outside world would: a real push to its repository (which
/// the push detector turns into the event that starts the run), or a released image recorded like a registry's
/// webhook.
/// </summary>
/// <summary>The event as fired into one twin: the image it brings, and the commit or tag its run is known by.</summary>
internal sealed record FiredEvent(string NewImage, string? Commit, string? Tag)
{
    public bool Started(TriggerEvent? trigger) => trigger is not null && (Commit is not null ? trigger.CommitSha == Commit : trigger.Tag == Tag);
}

internal sealed class ScenarioEvents(SandboxRuntime sandbox, EventStore events)
{
    public const string Source = "scenario";

    public async Task<FiredEvent> FireAsync(ScenarioDefinition scenario, TwinApp twin, Guid scenarioRunId, CancellationToken cancellationToken)
    {
        var world = sandbox.World ?? throw new InvalidOperationException("The sandbox is not running.");
        var image = $"{world.Registry.Host}/{twin.Name}";
        if (scenario.Event.Kind == ScenarioEventKind.Image)
        {
            await events.RecordAsync(new IncomingEvent(TriggerKind.ImageRelease, Source, $"{scenarioRunId:N}-{twin.Name}",
                Message: scenario.Event.Message, Image: image, Tag: scenario.Event.Tag, Application: twin.Name), cancellationToken);
            return new FiredEvent($"{image}:{scenario.Event.Tag}", null, scenario.Event.Tag);
        }

        var behavior = new ImageBehavior(scenario.Has(ConditionKind.ImageCrashes) ? ImageRuntime.Crash : ImageRuntime.Starts, TimeSpan.Zero);
        // [skip ci]: the engine's own ci.trigger_build is the build's first attempt, in both worlds alike, so a
        // flaky first build lands on the engines and not on a push-triggered build racing them.
        var sha = await world.CommitAsync(new ScenarioCommit(twin.Name, behavior, $"{scenario.Event.Message}\n\n[skip ci]", "Scenario lab", "lab@gitops-console.local")
        {
            Edits = ScenarioFiles.Event(scenario),
        }, cancellationToken);
        return new FiredEvent($"{image}:{sha[..7]}", sha, null);
    }
}
