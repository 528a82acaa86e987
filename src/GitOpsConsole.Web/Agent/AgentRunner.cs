using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;

namespace GitOpsConsole.Web.Agent;

/// <summary>
/// Runs agent runs for the dispatcher and audits how each ended. The engine (and its model) is resolved at the
/// first agent run, so a provider that cannot be set up (no API key in the environment) fails those runs with
/// the reason instead of stopping the console.
/// </summary>
internal sealed class AgentRunner(IServiceProvider services, IAuditLog audit)
{
    public async Task<RunOutcome> RunAsync(Run run, Application app, TriggerEvent trigger, IRunJournal journal, CancellationToken cancellationToken)
    {
        AgentEngine engine;
        try
        {
            engine = services.GetRequiredService<AgentEngine>();
        }
        catch (InvalidOperationException ex)
        {
            return RunOutcome.Failed($"The agent's model is not available: {ex.Message}");
        }

        var outcome = await engine.RunAsync(run, app, trigger, journal, cancellationToken);
        await audit.RecordAsync(new AuditRecord($"run:{run.Id}", ActorKind.Engine, AgentAuditActions.Decision, app.Name,
            outcome.Status is RunStatus.Succeeded or RunStatus.RolledBack, $"{outcome.Status}: {outcome.Reason} ({engine.Model.Provider}, {engine.Model.ModelId})"), CancellationToken.None);
        return outcome;
    }
}
