using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Agent.Offline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace GitOpsConsole.Web.Tests.Agent;

/// <summary>
/// A fake of an OpenAI-compatible model server on loopback, speaking the real <c>/v1/chat/completions</c> wire
/// format (under <c>/openai/v1/</c> it is an Azure OpenAI resource's v1 API, the same format): it reads the request's messages (with tool calls and tool results), decides like the Offline planner,
/// and answers with <c>tool_calls</c> and <c>usage</c>. It keeps every request body for the test to inspect.
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAIServer(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234</c> (an Azure OpenAI resource's endpoint).</summary>
    public string Root => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<FakeOpenAIServer> StartAsync(string apiKey, string route = "/v1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost($"{route}/chat/completions", async (HttpContext http) =>
        {
            if (http.Request.Headers.Authorization != $"Bearer {apiKey}")
            {
                return Results.Json(new { error = new { message = "invalid api key", type = "invalid_request_error" } }, statusCode: 401);
            }

            var request = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            server.Requests.Enqueue(request);
            return Results.Json(await AnswerAsync(request));
        });
        await app.StartAsync();
        return server;
    }

    private static async Task<object> AnswerAsync(JsonObject request)
    {
        var reply = (await new OfflinePlanner().GetChatMessageContentsAsync(ToHistory(request["messages"]!.AsArray())))[0];
        var calls = reply.Items.OfType<FunctionCallContent>().Select(c => new
        {
            id = $"call_{c.Id}", type = "function",
            function = new { name = $"{c.PluginName}-{c.FunctionName}", arguments = JsonSerializer.Serialize(c.Arguments!.ToDictionary(a => a.Key, a => a.Value)) },
        }).ToList();
        var message = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = reply.Content };
        if (calls.Count > 0)
        {
            message["tool_calls"] = calls;
        }

        return new
        {
            id = $"chatcmpl-{Guid.NewGuid():N}", @object = "chat.completion", created = 1_790_000_000, model = (string?)request["model"] ?? "fake",
            choices = new[] { new { index = 0, message, finish_reason = calls.Count > 0 ? "tool_calls" : "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        };
    }

    private static ChatHistory ToHistory(JsonArray messages)
    {
        var history = new ChatHistory();
        foreach (var message in messages.Select(m => m!.AsObject()))
        {
            var content = message["content"] switch
            {
                JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"])),
                JsonValue value => (string?)value,
                _ => null,
            };
            switch ((string?)message["role"])
            {
                case "user":
                    history.AddUserMessage(content ?? "");
                    break;
                case "assistant":
                    var items = new ChatMessageContentItemCollection();
                    foreach (var call in message["tool_calls"]?.AsArray() ?? [])
                    {
                        var name = ((string)call!["function"]!["name"]!).Split('-', 2);
                        var args = new KernelArguments();
                        foreach (var (key, value) in JsonNode.Parse((string)call["function"]!["arguments"]!)!.AsObject())
                        {
                            args[key] = JsonSerializer.Deserialize<JsonElement>(value!.ToJsonString());
                        }

                        items.Add(new FunctionCallContent(name[^1], name.Length > 1 ? name[0] : null, (string?)call["id"], args));
                    }

                    history.Add(new ChatMessageContent(AuthorRole.Assistant, items));
                    break;
                case "tool":
                    history.Add(new FunctionResultContent(null, null, (string?)message["tool_call_id"], content).ToChatMessage());
                    break;
            }
        }

        return history;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
