using System.Text.Json;
using GitOpsConsole.Core.Domain;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace GitOpsConsole.Core.Agent;

/// <summary>A tool call the model made whose result is not in the trace yet (the run stopped in between).</summary>
public sealed record PendingCall(FunctionCallContent Call, int Sequence, string ArgumentsJson, int Repeats);

/// <summary>
/// The conversation with the model as the trace records it: the event, the model's thoughts and calls, the
/// results (as the model saw them: capped and redacted). A resumed run rebuilds it from the trace, so the
/// model continues where it stopped and calls that already ran are not run again.
/// </summary>
public sealed class AgentConversation
{
    private readonly Func<string, string> _forModel;
    private ChatMessageContent? _open;

    public AgentConversation(Func<string, string> forModel)
    {
        _forModel = forModel;
        History.AddSystemMessage(AgentPrompt.System);
    }

    public ChatHistory History { get; } = [];

    public AgentFacts Facts { get; } = new();

    /// <summary>Tool calls so far; also each call's step sequence.</summary>
    public int ToolCalls { get; private set; }

    public Dictionary<string, int> Signatures { get; } = new(StringComparer.Ordinal);

    public List<PendingCall> Pending { get; } = [];

    public long Tokens { get; set; }

    /// <summary>Time spent waiting for people (answers) and freeze windows: not counted toward the wall-time bound.</summary>
    public TimeSpan Waited { get; set; }

    public static AgentConversation Rebuild(IEnumerable<TraceEntry> entries, Func<string, string> forModel)
    {
        var conversation = new AgentConversation(forModel);
        // A call's result must follow the call, so what people said while a call waited joins after its result.
        var held = new List<string>();
        foreach (var entry in entries)
        {
            conversation.Tokens += entry.Tokens ?? 0;
            switch (entry.Kind)
            {
                case TraceKind.Observation or TraceKind.Answer or TraceKind.Instruction:
                    if (entry.Kind != TraceKind.Instruction && entry.DurationMs is { } waited)
                    {
                        conversation.Waited += TimeSpan.FromMilliseconds(waited);
                    }

                    if (conversation.Pending.Count > 0)
                    {
                        held.Add(entry.Content);
                    }
                    else
                    {
                        conversation.AddUser(entry.Content);
                    }

                    break;
                case TraceKind.Thought:
                    conversation.AddThought(entry.Content);
                    break;
                case TraceKind.ToolCall:
                    var arguments = new KernelArguments();
                    foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.ArgumentsJson ?? "{}") ?? [])
                    {
                        arguments[name] = value;
                    }

                    conversation.AddCall(new FunctionCallContent(entry.ToolName ?? "", ToolMetadata.PluginName, entry.CallId, arguments), entry.ArgumentsJson ?? "{}");
                    break;
                case TraceKind.ToolResult:
                    conversation.AddResult(entry.CallId ?? "", entry.ToolName, entry.Content);
                    if (conversation.Pending.Count == 0)
                    {
                        held.ForEach(conversation.AddUser);
                        held.Clear();
                    }

                    break;
            }
        }

        return conversation;
    }

    public void AddUser(string text)
    {
        _open = null;
        History.AddUserMessage(_forModel(text));
    }

    public void AddThought(string text) => Open().Items.Add(new TextContent(text));

    /// <summary>Records the call and returns its step sequence and how often the model made this very call.</summary>
    public (int Sequence, int Repeats) AddCall(FunctionCallContent call, string argumentsJson)
    {
        ArgumentNullException.ThrowIfNull(call);
        Open().Items.Add(call);
        var signature = $"{call.FunctionName}({argumentsJson})";
        Signatures[signature] = Signatures.GetValueOrDefault(signature) + 1;
        Pending.Add(new PendingCall(call, ++ToolCalls, argumentsJson, Signatures[signature]));
        return (ToolCalls, Signatures[signature]);
    }

    public void AddResult(string callId, string? function, string resultJson)
    {
        _open = null;
        var pending = Pending.FirstOrDefault(p => p.Call.Id == callId);
        if (pending is not null)
        {
            Pending.Remove(pending);
        }

        Facts.Observe(function, resultJson);
        History.Add(new FunctionResultContent(function, ToolMetadata.PluginName, callId, _forModel(resultJson)).ToChatMessage());
    }

    private ChatMessageContent Open()
    {
        if (_open is null)
        {
            _open = new ChatMessageContent(AuthorRole.Assistant, content: null);
            History.Add(_open);
        }

        return _open;
    }
}
