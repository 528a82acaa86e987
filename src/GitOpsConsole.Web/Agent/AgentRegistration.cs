using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Agent.Offline;
using GitOpsConsole.Core.Agent.Policies;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Integrations.Llm;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Agent;

internal static class AgentRegistration
{
    /// <summary>The trace store and feed, the question store and instruction inbox, the model of <c>GitOps:Agent:Provider</c>, and the agent engine over the shared toolbox.</summary>
    public static void AddAgent(this IServiceCollection services)
    {
        services.AddSingleton<TraceFeed>();
        services.AddSingleton<TraceStore>();
        services.AddSingleton<IAgentJournal>(p => p.GetRequiredService<TraceStore>());
        services.AddSingleton<QuestionFeed>();
        services.AddSingleton<QuestionStore>();
        services.AddSingleton<IQuestionService>(p => p.GetRequiredService<QuestionStore>());
        services.AddSingleton<InstructionStore>();
        services.AddSingleton<IInstructionInbox>(p => p.GetRequiredService<InstructionStore>());
        services.AddSingleton(p => AgentSettings.From(Agent(p)));
        services.AddSingleton<PolicyBook>();
        services.AddSingleton<Core.Workflow.WorkflowPolicy>();
        services.AddSingleton(p => Agent(p) is { Provider: "Offline" }
            ? new AgentModel(new OfflinePlanner(), "Offline", OfflinePlanner.ModelId)
            : LlmProvider.Create(Agent(p), Environment.GetEnvironmentVariable));
        services.AddSingleton<AgentEngine>();
        services.AddSingleton<AgentRunner>();
    }

    private static AgentOptions Agent(IServiceProvider services) => services.GetRequiredService<IOptions<GitOpsOptions>>().Value.Agent;
}
