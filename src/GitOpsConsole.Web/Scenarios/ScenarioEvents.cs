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
/// webhook. Returns the image the event brings.
/// </summary>
internal sealed class ScenarioEvents(SandboxRuntime sandbox, EventStore events)
{
    public const string Source = "scenario";

    public async Task<string> FireAsync(ScenarioDefinition scenario, TwinApp twin, Guid scenarioRunId, CancellationToken cancellationToken)
    {
        var world = sandbox.World ?? throw new InvalidOperationException("The sandbox is not running.");
        var image = $"{world.Registry.Host}/{twin.Name}";
        if (scenario.Event.Kind == ScenarioEventKind.Image)
        {
            await events.RecordAsync(new IncomingEvent(TriggerKind.ImageRelease, Source, $"{scenarioRunId:N}-{twin.Name}",
                Message: scenario.Event.Message, Image: image, Tag: scenario.Event.Tag, Application: twin.Name), cancellationToken);
            return $"{image}:{scenario.Event.Tag}";
        }

        var behavior = new ImageBehavior(scenario.Has(ConditionKind.ImageCrashes) ? ImageRuntime.Crash : ImageRuntime.Starts, TimeSpan.Zero);
        // [skip ci]: the engine's own ci.trigger_build is the build's first attempt, in both worlds alike, so a
        // flaky first build lands on the engines and not on a push-triggered build racing them.
        var sha = await world.CommitAsync(new ScenarioCommit(twin.Name, behavior, $"{scenario.Event.Message}\n\n[skip ci]", "Scenario lab", "lab@gitops-console.local")
        {
            Edits = ScenarioFiles.Event(scenario),
        }, cancellationToken);
        return $"{image}:{sha[..7]}";
    }
}
