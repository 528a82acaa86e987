using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Data.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Runs;

/// <summary>Runs written through the real event and run stores, for pages and the API to read.</summary>
internal static class RunSeed
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Records a push to <c>sandbox:&lt;app&gt;</c> and queues its run.</summary>
    public static async Task<Run> QueueAsync(IServiceProvider services, string app, string commit, string message = "Change the storefront", DeploymentEngine engine = DeploymentEngine.Workflow)
    {
        var recorded = await services.GetRequiredService<EventStore>().RecordAsync(new IncomingEvent(
            TriggerKind.Push, EventSources.Sandbox, $"push-{Guid.NewGuid():N}", $"sandbox:{app}", "refs/heads/main", commit, "Dev", message), Ct);
        var application = (await services.GetRequiredService<ApplicationCatalog>().ListAsync(Ct)).Single(a => a.Name == app);
        return await services.GetRequiredService<RunStore>().QueueAsync(recorded.Events.Single(), application, engine, Ct);
    }

    /// <summary>An agent run that started and is now <paramref name="status"/> (e.g. waiting for an answer).</summary>
    public static async Task<Run> AgentRunAsync(IServiceProvider services, string app, RunStatus status)
    {
        var run = await QueueAsync(services, app, Guid.NewGuid().ToString("N") + "00000000", "Change", DeploymentEngine.Agent);
        await services.GetRequiredService<RunStore>().UpdateRunAsync(run.Id, r => (r.Status, r.StartedAt) = (status, DateTimeOffset.UtcNow), Ct);
        return run;
    }

    /// <summary>A run that started, made one step and ended with <paramref name="status"/>.</summary>
    public static async Task<Run> FinishedAsync(IServiceProvider services, string app, string commit, RunStatus status, string reason = "done")
    {
        var run = await QueueAsync(services, app, commit);
        var store = services.GetRequiredService<RunStore>();
        await store.StartAsync(run.Id, Ct);
        var step = await store.StartStepAsync(run.Id, 1, "ci.trigger_build", $$"""{"app":"{{app}}","commit":"{{commit}}"}""", $"Build {app}", Ct);
        step.Status = status == RunStatus.Succeeded ? StepStatus.Succeeded : StepStatus.Failed;
        step.OutputJson = """{"id":"b-1","state":"Succeeded"}""";
        step.Log = "step 1/1: make image";
        step.FinishedAt = DateTimeOffset.UtcNow;
        await store.FinishStepAsync(step, Ct);
        await store.FinishAsync(run.Id, status, reason, Ct);
        return run;
    }
}
