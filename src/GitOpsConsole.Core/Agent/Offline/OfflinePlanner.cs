using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;

namespace GitOpsConsole.Core.Agent.Offline;

/// <summary>
/// The <c>Offline</c> provider: a deterministic planner behind <see cref="IChatCompletionService"/>. It reads the
/// conversation (the event, then each tool result), writes its reasoning as text and answers with real function
/// calls, so the whole agent loop runs with no model and no network. It reports 0 tokens.
/// </summary>
public sealed class OfflinePlanner : IChatCompletionService
{
    public const string ModelId = "offline-planner";

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = ModelId };

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        var view = PlannerView.Read(chatHistory);
        var move = PlannerRules.Next(view);
        var message = new ChatMessageContent(AuthorRole.Assistant, content: null, modelId: ModelId)
        {
            Metadata = new Dictionary<string, object?> { [TokenUsage.MetadataKey] = 0 },
        };
        if (move.Report is { } report)
        {
            message.Items.Add(new TextContent($"{move.Thought}\n{report.ToJson()}"));
        }
        else
        {
            message.Items.Add(new TextContent(move.Thought));
            message.Items.Add(new FunctionCallContent(move.Function!, ToolMetadata.PluginName, $"offline-{view.Calls + 1}", move.Arguments));
        }

        return Task.FromResult<IReadOnlyList<ChatMessageContent>>([message]);
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var message = (await GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken))[0];
        var chunk = new StreamingChatMessageContent(AuthorRole.Assistant, string.Concat(message.Items.OfType<TextContent>().Select(t => t.Text)), modelId: ModelId);
        foreach (var call in message.Items.OfType<FunctionCallContent>())
        {
            chunk.Items.Add(new StreamingFunctionCallUpdateContent(call.Id, $"{call.PluginName}-{call.FunctionName}",
                JsonSerializer.Serialize(call.Arguments?.ToDictionary(a => a.Key, a => a.Value), AgentJson.Options), functionCallIndex: 0));
        }

        yield return chunk;
    }
}
