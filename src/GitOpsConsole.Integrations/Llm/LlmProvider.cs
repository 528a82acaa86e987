using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Configuration;
using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace GitOpsConsole.Integrations.Llm;

/// <summary>
/// The model behind the agent for <c>GitOps:Agent:Provider</c> OpenAI, AzureOpenAI and OpenAICompatible, through
/// Semantic Kernel's OpenAI connector. The key comes from the environment variable the settings name; a
/// committed file never holds one. AzureOpenAI uses the resource's OpenAI-compatible v1 API
/// (<c>{Endpoint}/openai/v1/</c>) with the deployment as the model.
/// </summary>
public static class LlmProvider
{
    public static AgentModel Create(AgentOptions options, Func<string, string?> environment, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var key = environment(options.ApiKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(key) && options.Provider is "OpenAI" or "AzureOpenAI")
        {
            throw new InvalidOperationException($"The {options.Provider} provider needs an API key in the environment variable {options.ApiKeyEnvironmentVariable} (GitOps:Agent:ApiKeyEnvironmentVariable), which is not set.");
        }

        var model = options.Model ?? "default";
        var endpoint = options.Provider switch
        {
            "OpenAI" => null,
            "AzureOpenAI" => new Uri(new Uri(options.Endpoint!.TrimEnd('/') + "/"), "openai/v1/"),
            "OpenAICompatible" => new Uri(options.Endpoint!),
            _ => throw new ArgumentException($"'{options.Provider}' is not a model provider of Semantic Kernel's OpenAI connector.", nameof(options)),
        };
        var clientOptions = new OpenAIClientOptions { Endpoint = endpoint };
        if (http is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(http);
        }

        // Local servers (Ollama, LM Studio) take any key; the client insists on one.
        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(key) ? "unused" : key), clientOptions);
        var chat = new OpenAIChatCompletionService(model, client);
        return new AgentModel(new UsageReportingChat(chat), options.Provider, model);
    }
}
