using System.Text.Json;
using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Agent.Offline;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace GitOpsConsole.Core.Tests.Agent;

/// <summary>A conversation as the engine builds it: the event, then each call the planner made with the result it got.</summary>
internal sealed class Conversation
{
    public const string Commit = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    public const string DeployCommit = "d1d2d3d4d5d6d7d8d9d0e1e2e3e4e5e6e7e8e9e0";
    public const string RevertCommit = "f1f2f3f4f5f6f7f8f9f0a1a2a3a4a5a6a7a8a9a0";

    private int _calls;

    public ChatHistory History { get; } = new(AgentPrompt.System);

    public static Conversation Push(string? message = null, bool rollbackOnFailure = true)
    {
        var conversation = new Conversation();
        var app = new Application { Name = "storefront", Environment = "dev", RepositoryUrl = "sandbox:storefront", Namespace = "storefront", Path = "chart", ImageRepository = "sandbox:storefront", RollbackOnFailure = rollbackOnFailure };
        var trigger = new TriggerEvent { Kind = TriggerKind.Push, Source = "sandbox", DeliveryId = "d1", CommitSha = Commit, Message = message };
        conversation.History.AddUserMessage(AgentPrompt.Event(app, trigger));
        return conversation;
    }

    public static Conversation Release(string image, string tag)
    {
        var conversation = new Conversation();
        var app = new Application { Name = "storefront", Environment = "dev", RepositoryUrl = "sandbox:storefront", Namespace = "storefront", ImageRepository = "sandbox:storefront" };
        var trigger = new TriggerEvent { Kind = TriggerKind.ImageRelease, Source = "registry", DeliveryId = "d2", Image = image, Tag = tag };
        conversation.History.AddUserMessage(AgentPrompt.Event(app, trigger));
        return conversation;
    }

    public Conversation Then(string function, object arguments, object result)
    {
        var id = $"call-{++_calls}";
        var args = new KernelArguments();
        foreach (var property in JsonSerializer.SerializeToElement(arguments).EnumerateObject())
        {
            args[property.Name] = property.Value;
        }

        History.Add(new ChatMessageContent(AuthorRole.Assistant, [new FunctionCallContent(function, ToolMetadata.PluginName, id, args)]));
        History.Add(new FunctionResultContent(function, ToolMetadata.PluginName, id, JsonSerializer.Serialize(result, StepRecorder.Json)).ToChatMessage());
        return this;
    }

    public Conversation Built(string state = "Succeeded", string? error = null, params string[] log) =>
        Then("ci_trigger_build", new { commit = Commit }, new { id = "b1", commit = Commit, state = "Running", logTail = Array.Empty<string>() })
            .Then("ci_get_build", new { buildId = "b1", waitSeconds = 600 }, new { id = "b1", commit = Commit, state, image = state == "Succeeded" ? "127.0.0.1:5081/storefront:1a2b3c4" : null, error, logTail = log });

    public const string OneImageValues = "replicaCount: 1\nimage:\n  repository: 127.0.0.1:5081/storefront\n  tag: \"1.0.0\"\n";

    public const string TwoImageValues = OneImageValues + "sidecar:\n  image:\n    repository: 127.0.0.1:5081/log-shipper\n    tag: \"2.4.1\"\n";

    /// <summary>The planner's read of the values file before its first tag commit.</summary>
    public Conversation ValuesRead(string text = OneImageValues) =>
        Then("git_read_file", new { path = "chart/values.yaml" }, new { path = "chart/values.yaml", revision = "main", text });

    public Conversation Answered(string question, string answer, params string[] choices) =>
        Then("human_ask", new { question, choices, defaultAnswer = "stop" }, new { status = "Answered", answer, answeredBy = "alice" });

    public Conversation Diff(params string[] differences) => Then("operator_diff", new { revision = DeployCommit }, differences);

    public Conversation Deployed() =>
        Built().ValuesRead().Then("values_set_image_tag", new { tag = "1a2b3c4", repository = "127.0.0.1:5081/storefront" }, new { commitSha = DeployCommit, outcome = "Committed", summary = "deploy(storefront): 1a2b3c4" })
            .Then("operator_sync", new { revision = DeployCommit }, new { revision = DeployCommit, succeeded = true, message = "", changed = 1, total = 3 });

    public Conversation Health(string status, string message = "") => Then("cluster_health", new { }, new { status, message });

    /// <summary>What the Offline planner answers next.</summary>
    public async Task<ChatMessageContent> NextAsync() =>
        (await new OfflinePlanner().GetChatMessageContentsAsync(History, cancellationToken: TestContext.Current.CancellationToken)).Single();
}
