using System.Diagnostics;
using System.Text.Json;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary>A guardrail ended the run: how, and the decision that says why.</summary>
internal sealed record AgentStop(RunOutcome Outcome, AgentDecision Decision);

/// <summary>
/// Runs one function call of the model: validate → policy → persist the call as a step → invoke → persist the
/// result → append it to the conversation. Invalid calls go back to the model as errors; a refused mutation or
/// a call repeated a third time stops the run. Every call is a step, so a resumed run finds the ones it made.
/// </summary>
internal sealed class AgentCallRunner(AgentSessionParts parts, AgentConversation conversation, AgentRecorder recorder)
{
    private const int MaxRepeats = 3;

    public async Task<AgentStop?> RunAsync(PendingCall pending, IReadOnlyList<Step> previousSteps, CancellationToken cancellationToken)
    {
        var call = pending.Call;
        var watch = Stopwatch.StartNew();
        AgentStop? stop = null;
        var done = previousSteps.FirstOrDefault(s => s.Sequence == pending.Sequence && s.Status is not (StepStatus.Running or StepStatus.Pending) && s.OutputJson is not null);
        string result;
        if (done is not null)
        {
            // Made before a restart; only its trace entry is missing.
            result = done.OutputJson!;
        }
        else
        {
            (result, stop) = await DecideAndRunAsync(pending, cancellationToken);
        }

        await recorder.AppendAsync(new TraceEntry
        {
            Kind = TraceKind.ToolResult, Content = result, ToolName = call.FunctionName.Length <= 64 ? call.FunctionName : call.FunctionName[..64],
            CallId = call.Id, DurationMs = (int)watch.ElapsedMilliseconds,
        }, cancellationToken);
        conversation.AddResult(call.Id!, call.FunctionName, result);
        if (parts.Context.Human?.TakeAnswered() is { } answered)
        {
            // After the result: a model's tool call must be followed by its result before anything else is said.
            var text = AgentHuman.Describe(answered);
            var waited = (answered.AnsweredAt ?? parts.Time.GetUtcNow()) - answered.CreatedAt;
            await recorder.AppendAsync(new TraceEntry { Kind = TraceKind.Answer, Content = text, DurationMs = (int)Math.Min(int.MaxValue, waited.TotalMilliseconds) }, cancellationToken);
            conversation.Waited += waited;
            conversation.AddUser(text);
        }

        await recorder.UpdateFactsAsync(cancellationToken);
        return stop;
    }

    private async Task<(string Result, AgentStop? Stop)> DecideAndRunAsync(PendingCall pending, CancellationToken cancellationToken)
    {
        var call = pending.Call;
        var app = parts.Context.Application;
        var (function, arguments, error) = call.Exception is { } parse
            ? (null, null, $"{call.FunctionName}: the arguments are not valid JSON ({parse.Message})")
            : ToolCallValidator.Validate(parts.Kernel.Plugins[ToolMetadata.PluginName], call);
        var tool = function is null ? call.FunctionName : ToolMetadata.ToolboxName(function);
        var action = $"{tool}({string.Join(", ", (arguments ?? []).Select(a => $"{a.Key}={a.Value}"))})";
        if (pending.Sequence > parts.Settings.MaxSteps)
        {
            var limit = $"stopped before {action}: {parts.Settings.MaxSteps} tool calls is the limit (GitOps:Agent:MaxSteps)";
            return (await RefuseAsync(pending, tool, limit, StepStatus.Skipped, cancellationToken), new AgentStop(new RunOutcome(RunStatus.Escalated, limit), new AgentDecision("Stopped the run at a bound", limit)));
        }

        if (error is not null)
        {
            return (await RefuseAsync(pending, tool, error, StepStatus.Failed, cancellationToken), null);
        }

        if (pending.Repeats >= MaxRepeats)
        {
            var loop = $"the model asked for {action} {pending.Repeats} times with the same arguments";
            return (await RefuseAsync(pending, tool, $"refused: {loop}", StepStatus.Skipped, cancellationToken),
                new AgentStop(new RunOutcome(RunStatus.Escalated, loop), new AgentDecision("Stopped a loop", loop)));
        }

        var policyCall = new PolicyCall(app, tool, function!.Name, ToolMetadata.Mutates(function), arguments!, action);
        while (true)
        {
            var verdict = AgentPolicy.Check(policyCall, parts.Policies.For(app), parts.Time.GetUtcNow());
            switch (verdict.Decision)
            {
                case PolicyDecision.Deny:
                    return (await RefuseAsync(pending, tool, $"refused by policy: {verdict.Reason}", StepStatus.Skipped, cancellationToken),
                        new AgentStop(new RunOutcome(RunStatus.Escalated, verdict.Reason),
                            new AgentDecision($"Did not run {action}", $"policy for {app.Name} ({app.Environment}): {verdict.Reason}; nothing was changed")));
                case PolicyDecision.Defer:
                    await DeferAsync(pending, tool, action, verdict, cancellationToken);
                    continue;
                case PolicyDecision.Ask:
                    var approval = await AskApprovalAsync(pending, tool, action, verdict, cancellationToken);
                    if (approval.Answer != QuestionRequest.Approve)
                    {
                        var rejected = $"rejected by {AgentHuman.Decider(approval)}: {action} was not run and nothing was changed";
                        return (await RefuseAsync(pending, tool, rejected, StepStatus.Skipped, cancellationToken), null);
                    }

                    break;
            }

            return (await InvokeAsync(pending, function, arguments!, tool, action, cancellationToken), null);
        }
    }

    /// <summary>Shows the call as a step waiting for approval and asks; a resumed run finds the same question.</summary>
    private async Task<Question> AskApprovalAsync(PendingCall pending, string tool, string action, PolicyVerdict verdict, CancellationToken cancellationToken)
    {
        await WaitingStepAsync(pending, tool, $"Waiting for approval: {action}", cancellationToken);
        var text = $"Approve {action}? Policy: {verdict.Reason}.";
        return await parts.Context.Human!.AskAsync(QuestionRequest.Approval(parts.Context.Run.Id, pending.Sequence, text), cancellationToken);
    }

    /// <summary>Waits out a freeze window (the time is not counted toward the wall-time bound), then policy is asked again.</summary>
    private async Task DeferAsync(PendingCall pending, string tool, string action, PolicyVerdict verdict, CancellationToken cancellationToken)
    {
        var now = parts.Time.GetUtcNow();
        var wait = verdict.Until!.Value - now;
        await WaitingStepAsync(pending, tool, $"Deferred until {verdict.Until:u}: {action}", cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, parts.Time, cancellationToken);
        }

        var waited = parts.Time.GetUtcNow() - now;
        var note = $"Deferred {action}: {verdict.Reason}; waited {Workflow.Durations.Describe(waited)}";
        await recorder.AppendAsync(new TraceEntry { Kind = TraceKind.Observation, Content = note, DurationMs = (int)Math.Min(int.MaxValue, waited.TotalMilliseconds) }, cancellationToken);
        conversation.Waited += waited;
    }

    private async Task WaitingStepAsync(PendingCall pending, string tool, string summary, CancellationToken cancellationToken)
    {
        var step = await parts.Journal.StartStepAsync(parts.Context.Run.Id, pending.Sequence, tool, pending.ArgumentsJson, summary, cancellationToken);
        step.Status = StepStatus.Pending;
        await parts.Journal.FinishStepAsync(step, cancellationToken);
    }

    private async Task<string> InvokeAsync(PendingCall pending, KernelFunction function, KernelArguments arguments, string tool, string action, CancellationToken cancellationToken)
    {
        var step = await parts.Journal.StartStepAsync(parts.Context.Run.Id, pending.Sequence, tool, pending.ArgumentsJson, action, cancellationToken);
        parts.Context.StepSequence = pending.Sequence;
        try
        {
            var output = (await function.InvokeAsync(parts.Kernel, arguments, cancellationToken)).GetValue<ToolOutput>()
                ?? throw new InvalidOperationException($"{tool} returned nothing.");
            step.Status = output.Succeeded ? StepStatus.Succeeded : StepStatus.Failed;
            step.OutputJson = JsonSerializer.Serialize(output.Value, AgentJson.Options);
            step.Summary = output.Summary;
            step.Log = output.Log;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            step.Status = StepStatus.Cancelled;
            step.FinishedAt = parts.Time.GetUtcNow();
            await parts.Journal.FinishStepAsync(step, CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            step.Status = StepStatus.Failed;
            step.OutputJson = Error($"{tool} failed: {ex.Message}");
            step.Summary = $"{tool} failed: {ex.Message}";
            step.Log = ex.Message;
        }

        step.FinishedAt = parts.Time.GetUtcNow();
        await parts.Journal.FinishStepAsync(step, CancellationToken.None);
        return step.OutputJson;
    }

    /// <summary>Journals a call that did not run (invalid, refused, over a bound) as a step, and returns the error the model reads.</summary>
    private async Task<string> RefuseAsync(PendingCall pending, string tool, string message, StepStatus status, CancellationToken cancellationToken)
    {
        var step = await parts.Journal.StartStepAsync(parts.Context.Run.Id, pending.Sequence, tool.Length <= 64 ? tool : tool[..64], pending.ArgumentsJson, message, cancellationToken);
        step.Status = status;
        step.OutputJson = Error(message);
        step.FinishedAt = parts.Time.GetUtcNow();
        await parts.Journal.FinishStepAsync(step, CancellationToken.None);
        return step.OutputJson;
    }

    private static string Error(string message) => ToolError.Json(message);
}
