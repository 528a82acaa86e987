using System.Runtime.CompilerServices;
using GitOpsConsole.Core.Agent;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace GitOpsConsole.Integrations.Llm;

/// <summary>
/// Copies the OpenAI connector's token usage (<c>Usage</c> metadata, an <c>OpenAI.Chat.ChatTokenUsage</c>) to
/// the key the engine reads, so Core counts tokens without knowing any connector's types.
/// </summary>
internal sealed class UsageReportingChat(IChatCompletionService inner) : IChatCompletionService
{
    public IReadOnlyDictionary<string, object?> Attributes => inner.Attributes;

    public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        var messages = await inner.GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken);
        foreach (var message in messages)
        {
            if (message.Metadata?.TryGetValue("Usage", out var usage) == true && usage is OpenAI.Chat.ChatTokenUsage tokens)
            {
                message.Metadata = new Dictionary<string, object?>(message.Metadata) { [TokenUsage.MetadataKey] = tokens.TotalTokenCount };
            }
        }

        return messages;
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var chunk in inner.GetStreamingChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken))
        {
            yield return chunk;
        }
    }
}
