using GitOpsConsole.Core.Agent.Policies;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Core.Workflow;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace GitOpsConsole.Core.Agent;

/// <summary>The model a run talks to: the chat service and how the run page names it.</summary>
public sealed record AgentModel(IChatCompletionService Chat, string Provider, string ModelId);

/// <summary>
/// The agent engine: a model plans the deployment and calls the same toolbox as the workflow, one call at a
/// time, through our own loop (<see cref="AgentSession"/>): validated, policy-checked, journaled as steps and
/// trace entries, bounded, and resumable from the trace.
/// </summary>
public sealed class AgentEngine(
    WorkflowTools tools, WorkflowSettings workflowSettings, AgentModel model, IAgentJournal trace, IQuestionService questions, IInstructionInbox inbox, AgentSettings settings, PolicyBook policies, TimeProvider time)
{
    private readonly SecretRedactor _redactor = new(settings.RedactPatterns);

    public AgentModel Model => model;

    public Task<RunOutcome> RunAsync(Run run, Application app, TriggerEvent trigger, IRunJournal journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(trigger);
        var context = new AgentRunContext(run, app);
        var kernel = new Kernel();
        // policy_check reads the live policy, as the loop's own check does: a freeze declared mid-run counts.
        kernel.Plugins.Add(AgentToolbox.Create(tools, workflowSettings, () => policies.For(app), context, time));
        var session = new AgentSession(new AgentSessionParts(context, trigger, journal, trace, questions, inbox, model, kernel, settings, policies, ForModel, time));
        return session.RunAsync(cancellationToken);
    }

    /// <summary>What the model may see of a text: secrets redacted first, then capped (the trace keeps it whole).</summary>
    public string ForModel(string text)
    {
        var redacted = _redactor.Redact(text);
        return redacted.Length <= settings.ToolOutputCap
            ? redacted
            : $"{redacted[..settings.ToolOutputCap]}… [{redacted.Length - settings.ToolOutputCap} more characters not shown]";
    }
}

/// <summary>Everything one run's loop works with.</summary>
internal sealed record AgentSessionParts(
    AgentRunContext Context,
    TriggerEvent Trigger,
    IRunJournal Journal,
    IAgentJournal Trace,
    IQuestionService Questions,
    IInstructionInbox Inbox,
    AgentModel Model,
    Kernel Kernel,
    AgentSettings Settings,
    PolicyBook Policies,
    Func<string, string> ForModel,
    TimeProvider Time);
