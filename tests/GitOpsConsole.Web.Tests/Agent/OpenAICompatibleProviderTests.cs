using GitOpsConsole.Core.Domain;
using static GitOpsConsole.Web.Tests.Agent.AgentTestKit;
using static GitOpsConsole.Web.Tests.Host.SandboxTestKit;

namespace GitOpsConsole.Web.Tests.Agent;

/// <summary>
/// The real provider wiring: Semantic Kernel's OpenAI connector over HTTP to a server that answers with tool calls,
/// as an OpenAI-compatible server (endpoint <c>…/v1</c>) and as an Azure OpenAI resource (its endpoint; the console
/// calls the resource's v1 API under <c>/openai/v1/</c> with the deployment as the model).
/// </summary>
public class OpenAICompatibleProviderTests
{
    [Theory]
    [InlineData("OpenAICompatible", "/v1", "/v1", "llama-test")]
    [InlineData("AzureOpenAI", "/openai/v1", "", "gpt-4o-prod-deployment")]
    public async Task Push_ModelAnsweringWithToolCalls_SameLoopDeploysAndCountsTokens(string provider, string route, string endpointPath, string modelId)
    {
        var keyVariable = $"GITOPS_TEST_AGENT_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(keyVariable, "sk-loopback");
        await using var model = await FakeOpenAIServer.StartAsync("sk-loopback", route);
        await using var factory = WithSandbox(("GitOps:Applications:0:Engine", "Agent"), ("GitOps:Agent:Provider", provider),
            ("GitOps:Agent:Endpoint", model.Root + endpointPath), ("GitOps:Agent:Model", modelId), ("GitOps:Agent:ApiKeyEnvironmentVariable", keyVariable));
        var services = Start(factory);

        var pushed = await PushAsync(services, "storefront");

        var run = await FinishedRunAsync(services, pushed);
        Assert.True(run.Run.Status == RunStatus.Succeeded, run.Run.Reason);
        Assert.Equal((provider, modelId), (run.Run.Provider, run.Run.Model));
        Assert.Equal(["ci.trigger_build", "git.read_file", "values.set_image_tag", "operator.sync", "cluster.health", "operator.diff"], run.Run.Steps.Select(s => s.Tool).Where(t => t != "ci.get_build"));
        Assert.Equal(run.Run.DeployCommitSha, Tip(services, "storefront"));
        var requests = model.Requests.ToList();
        Assert.Equal(120L * requests.Count, run.Run.LlmTokens);
        Assert.Equal(modelId, (string?)requests[0]["model"]);
        var tools = requests[0]["tools"]!.AsArray().Select(t => (string?)t!["function"]!["name"]).ToList();
        Assert.Contains("toolbox-values_set_image_tag", tools);
        Assert.Contains("toolbox-cluster_health", tools);
        Assert.Contains(requests[^1]["messages"]!.AsArray(), m => (string?)m!["role"] == "tool");
    }
}
