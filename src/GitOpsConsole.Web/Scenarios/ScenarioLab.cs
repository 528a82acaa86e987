using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Core.Scenarios.Comparison;
using GitOpsConsole.Data.Scenarios;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>
/// Plays scenarios: two twin worlds brought to the starting state, the same event fired into both at once, the
/// workflow engine running in one and the agent in the other (the real engines, started by the real dispatcher),
/// mid-run conditions injected, and the end state of each world recorded with the two runs in a ScenarioRun.
/// </summary>
internal sealed partial class ScenarioLab(
    ScenarioCatalog catalog, ScenarioRunStore store, TwinWorlds worlds, ScenarioEvents events, RunWatch watch, EndStateReader ends,
    Data.Applications.ApplicationCatalog applications, TwinCleanup cleanup, Sandbox.SandboxRuntime sandbox, Core.Agent.Policies.PolicyBook policies, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<ScenarioLab> logger) : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    // Scenarios share two cores with the console; three at a time keeps "Run all" well inside a minute.
    private readonly SemaphoreSlim _parallel = new(3, 3);

    /// <summary>Starts a scenario in the background and returns its ScenarioRun at once; the page follows it by push.</summary>
    public async Task<ScenarioRun> StartAsync(ScenarioDefinition scenario, Guid? batch = null)
    {
        var run = await store.CreateAsync(scenario.Name, batch, lifetime.ApplicationStopping);
        _ = Task.Run(() => PlayAsync(scenario, run, lifetime.ApplicationStopping));
        if (batch is null)
        {
            // Started after the new run is stored, so it counts among the newest lab runs.
            cleanup.Start();
        }

        return run;
    }

    /// <summary>"Run all": every scenario in one batch, in the background; returns the batch id.</summary>
    public async Task<Guid> StartAllAsync()
    {
        var batch = Guid.CreateVersion7();
        foreach (var scenario in catalog.Scenarios)
        {
            await StartAsync(scenario, batch);
        }

        cleanup.Start();
        return batch;
    }

    /// <summary>Plays every scenario (or the named ones) and waits for all: the CLI's and the tests' entry.</summary>
    public async Task<IReadOnlyList<ScenarioRun>> PlayAllAsync(IReadOnlyList<ScenarioDefinition> scenarios, CancellationToken cancellationToken)
    {
        var batch = Guid.CreateVersion7();
        var runs = new List<ScenarioRun>();
        foreach (var scenario in scenarios)
        {
            runs.Add(await store.CreateAsync(scenario.Name, batch, cancellationToken));
        }

        cleanup.Start();
        return await Task.WhenAll(scenarios.Select((s, i) => PlayAsync(s, runs[i], cancellationToken)));
    }

    public async Task<ScenarioRun> PlayAsync(ScenarioDefinition scenario, ScenarioRun run, CancellationToken cancellationToken)
    {
        await _parallel.WaitAsync(cancellationToken);
        try
        {
            if (!sandbox.IsRunning)
            {
                throw new InvalidOperationException("The sandbox is not running; scenarios need it (GitOps:Sandbox:Enabled).");
            }

            var suffix = run.Id.ToString("N")[^6..];
            var names = (Workflow: $"{scenario.Name}-{suffix}-wf", Agent: $"{scenario.Name}-{suffix}-ag");
            await store.UpdateAsync(run.Id, r => (r.WorkflowApplication, r.AgentApplication) = names, cancellationToken);
            var twins = await Task.WhenAll(worlds.CreateAsync(scenario, names.Workflow, DeploymentEngine.Workflow, cancellationToken),
                worlds.CreateAsync(scenario, names.Agent, DeploymentEngine.Agent, cancellationToken));
            await store.UpdateAsync(run.Id, r => r.Status = ScenarioRunStatus.Running, cancellationToken);

            var played = await Task.WhenAll(twins.Select(twin => PlayTwinAsync(scenario, run.Id, twin, cancellationToken)));
            return await store.UpdateAsync(run.Id, r =>
            {
                r.WorkflowRunId = played[0].RunId;
                r.AgentRunId = played[1].RunId;
                r.WorkflowEndJson = JsonSerializer.Serialize(played[0].End);
                r.AgentEndJson = JsonSerializer.Serialize(played[1].End);
                r.Status = ScenarioRunStatus.Finished;
            }, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, scenario.Name, ex);
            return await store.UpdateAsync(run.Id, r => (r.Status, r.Error) = (ScenarioRunStatus.Failed, ex.Message), CancellationToken.None);
        }
        finally
        {
            _parallel.Release();
        }
    }

    private async Task<(Guid RunId, ObservedEnd End)> PlayTwinAsync(ScenarioDefinition scenario, Guid scenarioRunId, TwinApp twin, CancellationToken cancellationToken)
    {
        var conditions = new MidRunConditions(scenario, twin, sandbox, applications, policies, time);
        var fired = await events.FireAsync(scenario, twin, scenarioRunId, cancellationToken);
        var ended = await watch.SettledAsync(scenario, twin.Name, fired, conditions.OnRunChangedAsync, RunTimeout, cancellationToken);
        // A failed build brought no image; "new" then names the one CI would have pushed.
        return (ended.Id, await ends.ReadAsync(twin, fired.NewImage, cancellationToken));
    }

    public void Dispose() => _parallel.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Scenario {Scenario} could not be played")]
    private static partial void LogFailed(ILogger logger, string scenario, Exception exception);
}
