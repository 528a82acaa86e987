using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;

namespace GitOpsConsole.Web.Agent;

/// <summary>
/// Runs agent runs for the dispatcher. The engine (and its model) is resolved at the first agent run, so a
/// provider that cannot be set up (no API key in the environment) fails those runs with the reason instead
/// of stopping the console.
/// </summary>
internal sealed class AgentRunner(IServiceProvider services)
{
    public Task<RunOutcome> RunAsync(Run run, Application app, TriggerEvent trigger, IRunJournal journal, CancellationToken cancellationToken)
    {
        AgentEngine engine;
        try
        {
            engine = services.GetRequiredService<AgentEngine>();
        }
        catch (InvalidOperationException ex)
        {
            return Task.FromResult(RunOutcome.Failed($"The agent's model is not available: {ex.Message}"));
        }

        return engine.RunAsync(run, app, trigger, journal, cancellationToken);
    }
}
