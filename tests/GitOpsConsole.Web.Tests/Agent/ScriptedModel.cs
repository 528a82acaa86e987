using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GitOpsConsole.Core.Agent;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace GitOpsConsole.Web.Tests.Agent;

/// <summary>
/// A fake of the outside model: plays scripted replies in order, whatever it is told, and keeps every tool
/// result it was sent, so a test sees what reached the model. After the script it closes with plain text.
/// </summary>
internal sealed class ScriptedModel(params ChatMessageContent[] replies) : IChatCompletionService
{
    private readonly ConcurrentQueue<ChatMessageContent> _replies = new(replies);

    public ConcurrentQueue<string> ResultsSeen { get; } = new();

    /// <summary>The user's messages (answers, instructions) sent after the model's first reply.</summary>
    public ConcurrentQueue<string> UserMessagesSeen { get; } = new();

    /// <summary>Adds a reply after the script, for a call whose arguments are known only once the console runs.</summary>
    public void Then(ChatMessageContent reply) => _replies.Enqueue(reply);

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

    public static ChatMessageContent Call(string id, string function, params (string Name, object Value)[] arguments)
    {
        var args = new KernelArguments();
        foreach (var (name, value) in arguments)
        {
            args[name] = value;
        }

        return new ChatMessageContent(AuthorRole.Assistant, [new TextContent($"Calling {function}."), new FunctionCallContent(function, ToolMetadata.PluginName, id, args)])
        {
            Metadata = new Dictionary<string, object?> { [TokenUsage.MetadataKey] = 100 },
        };
    }

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        // Everything sent since the model's last message: tool results, then what people said after them.
        var since = chatHistory.Count - chatHistory.Reverse().TakeWhile(m => m.Role != AuthorRole.Assistant).Count();
        foreach (var message in chatHistory.Skip(since))
        {
            foreach (var result in message.Items.OfType<FunctionResultContent>())
            {
                ResultsSeen.Enqueue(result.Result?.ToString() ?? "");
            }

            if (message.Role == AuthorRole.User && since > 0)
            {
                UserMessagesSeen.Enqueue(message.Content ?? "");
            }
        }

        var reply = _replies.TryDequeue(out var next) ? next : new ChatMessageContent(AuthorRole.Assistant, "I am done.");
        return Task.FromResult<IReadOnlyList<ChatMessageContent>>([reply]);
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reply = (await GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken))[0];
        yield return new StreamingChatMessageContent(reply.Role, reply.Content);
    }
}
