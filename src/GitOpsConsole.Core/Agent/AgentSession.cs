using System.Diagnostics;
using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary>
/// One run's loop: ask the model for its next message (function calling on, automatic invocation off), persist
/// its thought and calls, run each call through <see cref="AgentCallRunner"/>, append the results, repeat
/// until the model reports, a guardrail stops the run, or a bound is reached.
/// </summary>
internal sealed class AgentSession(AgentSessionParts parts)
{
    private static readonly PromptExecutionSettings Execution = new() { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) };

    private readonly Run _run = parts.Context.Run;
    private AgentConversation _conversation = null!;
    private AgentRecorder _recorder = null!;

    public async Task<RunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var entries = await parts.Trace.EntriesAsync(_run.Id, cancellationToken);
        var previousSteps = await parts.Journal.StepsAsync(_run.Id, cancellationToken);
        _conversation = AgentConversation.Rebuild(entries, parts.ForModel);
        _recorder = new AgentRecorder(parts, _conversation);
        parts.Context.Human = new AgentHuman(parts, _recorder);
        var startedAt = _run.StartedAt ?? parts.Time.GetUtcNow();
        await parts.Journal.UpdateRunAsync(_run.Id, r =>
        {
            r.Provider = parts.Model.Provider;
            r.Model = parts.Model.ModelId;
        }, cancellationToken);
        if (entries.Count == 0)
        {
            var text = AgentPrompt.Event(parts.Context.Application, parts.Trigger);
            await _recorder.AppendAsync(new TraceEntry { Kind = TraceKind.Observation, Content = text }, cancellationToken);
            _conversation.AddUser(text);
        }

        var calls = new AgentCallRunner(parts, _conversation, _recorder);
        while (true)
        {
            foreach (var pending in _conversation.Pending.ToList())
            {
                if (await calls.RunAsync(pending, previousSteps, cancellationToken) is { } stop)
                {
                    return await _recorder.FinishAsync(stop.Outcome, stop.Decision, [], cancellationToken);
                }
            }

            if (Bound(startedAt) is { } limit)
            {
                return await _recorder.FinishAsync(new RunOutcome(RunStatus.Escalated, limit),
                    new AgentDecision("Stopped the run at a bound", limit), ["The deployment may be half done; check the application's sync and health."], cancellationToken);
            }

            await ReadInstructionsAsync(cancellationToken);
            var reply = await AskAsync(cancellationToken);
            if (reply is not null)
            {
                return await _recorder.FinishWithReportAsync(reply, cancellationToken);
            }
        }
    }

    /// <summary>What people told the run since its last step: traced, then read by the model as the user's words.</summary>
    private async Task ReadInstructionsAsync(CancellationToken cancellationToken)
    {
        foreach (var instruction in await parts.Inbox.TakeUnreadAsync(_run.Id, cancellationToken))
        {
            var text = $"Instruction from {instruction.SentBy}: {instruction.Text}";
            await _recorder.AppendAsync(new TraceEntry { Kind = TraceKind.Instruction, Content = text }, cancellationToken);
            _conversation.AddUser(text);
        }
    }

    /// <summary>Asks for the next message and records it; returns the closing text when the model called no tool.</summary>
    private async Task<string?> AskAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var replies = await parts.Model.Chat.GetChatMessageContentsAsync(_conversation.History, Execution, parts.Kernel, cancellationToken);
        var reply = replies.Count > 0 ? replies[^1] : throw new InvalidOperationException("The model returned no message.");
        var tokens = TokenUsage.Of(reply);
        _conversation.Tokens += tokens;
        var text = string.Concat(reply.Items.OfType<TextContent>().Select(t => t.Text)).Trim();
        var calls = reply.Items.OfType<FunctionCallContent>().ToList();
        var thought = text.Length > 0 || calls.Count == 0;
        if (thought)
        {
            await _recorder.AppendAsync(new TraceEntry { Kind = TraceKind.Thought, Content = text, Tokens = tokens, DurationMs = (int)watch.ElapsedMilliseconds }, cancellationToken);
            _conversation.AddThought(text);
        }

        foreach (var original in calls)
        {
            var call = original.Id is { Length: > 0 } ? original
                : new FunctionCallContent(original.FunctionName, original.PluginName, $"call-{_conversation.ToolCalls + 1}", original.Arguments) { Exception = original.Exception };
            var arguments = JsonSerializer.Serialize(call.Arguments?.ToDictionary(a => a.Key, a => a.Value) ?? [], AgentJson.Options);
            await _recorder.AppendAsync(new TraceEntry
            {
                Kind = TraceKind.ToolCall, Content = $"{call.FunctionName}({arguments})", ToolName = Clip(call.FunctionName, 64), ArgumentsJson = arguments,
                CallId = Clip(call.Id!, 128), Tokens = thought ? null : tokens, DurationMs = thought ? null : (int)watch.ElapsedMilliseconds,
            }, cancellationToken);
            thought = true;
            _conversation.AddCall(call, arguments);
        }

        await parts.Journal.UpdateRunAsync(_run.Id, r => r.LlmTokens = _conversation.Tokens, cancellationToken);
        return calls.Count == 0 ? text : null;
    }

    private string? Bound(DateTimeOffset startedAt)
    {
        var settings = parts.Settings;
        if (_conversation.ToolCalls >= settings.MaxSteps)
        {
            return $"stopped after {_conversation.ToolCalls} tool calls (the limit, GitOps:Agent:MaxSteps, is {settings.MaxSteps})";
        }

        if (parts.Time.GetUtcNow() - startedAt - _conversation.Waited >= settings.MaxWallTime)
        {
            return $"stopped after {settings.MaxWallTime.TotalMinutes:0} minutes, not counting waits for people (GitOps:Agent:MaxWallTimeMinutes)";
        }

        return _conversation.Tokens >= settings.TokenBudget
            ? $"stopped after {_conversation.Tokens} model tokens (the budget, GitOps:Agent:TokenBudget, is {settings.TokenBudget})"
            : null;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
