using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Images;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Core.Workflow;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Helm.ImageTags;
using GitOpsConsole.Integrations.Deploy;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Integrations.Registry;
using GitOpsConsole.Web.Agent;
using GitOpsConsole.Web.Connections;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Runs;

internal static class RunRegistration
{
    /// <summary>The run store, the toolbox the engines share, the workflow engine and the dispatcher that runs it.</summary>
    public static void AddRuns(this IServiceCollection services)
    {
        services.AddSingleton<RunFeed>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<RunQuery>();
        services.AddSingleton<IGitWriter, GitWriter>();
        services.AddSingleton<SandboxCiTool>();
        services.AddSingleton<SandboxCommitStatusTool>();
        services.AddIntegrations();
        services.AddSingleton<IValuesTool>(p => new AuditedValuesTool(
            new ValuesTool(p.GetRequiredService<IGitWriter>(), p.GetRequiredService<IGitReader>(), p.GetRequiredService<GitHubWriteBack>()), p.GetRequiredService<IAuditLog>()));
        services.AddSingleton<IGitTool>(p => new AuditedGitTool(
            new GitTool(p.GetRequiredService<IGitWriter>(), p.GetRequiredService<IGitReader>(), p.GetRequiredService<GitMirrorCache>()),
            p.GetRequiredService<IAuditLog>()));
        services.AddSingleton(p => new OciRegistryTool(p.GetRequiredService<IOptions<GitOpsOptions>>().Value.Registries, p.GetRequiredService<TimeProvider>(),
            p.GetRequiredService<ILoggerFactory>().CreateLogger<OciRegistryTool>()));
        services.AddSingleton<IRegistryTool, SandboxRegistryTool>();
        services.AddSingleton<ITagSelector, HelmTagSelector>();
        services.AddSingleton(p => new WorkflowTools(
            p.GetRequiredService<ICiTool>(), p.GetRequiredService<IValuesTool>(), p.GetRequiredService<IGitTool>(),
            p.GetRequiredService<IOperatorTool>(), p.GetRequiredService<IClusterTool>(), p.GetRequiredService<ICommitStatusTool>(),
            p.GetRequiredService<IRegistryTool>(), p.GetRequiredService<IClusterDiagnosticsTool>(), p.GetRequiredService<IPullRequestTool>()));
        services.AddSingleton(WorkflowSettings.Default);
        services.AddSingleton<WorkflowEngine>();
        services.AddAgent();
        services.AddSingleton<RunAdmission>();
        services.AddSingleton<PendingEvents>();
        services.AddSingleton<PendingRunSweep>();
        services.AddSingleton<RunDispatcher>();
        services.AddHostedService(p => p.GetRequiredService<RunDispatcher>());
    }
}
