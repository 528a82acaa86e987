using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Web.Connections;

internal static class IntegrationRegistration
{
    /// <summary>
    /// The toolbox ports as routers that pick, per application, the sandbox/embedded implementation or the
    /// GitHub/Argo CD adapter; the GitHub and Argo CD connections (made on first use); the run status reports.
    /// </summary>
    public static void AddIntegrations(this IServiceCollection services)
    {
        services.AddSingleton(IntegrationSecrets.FromProcess());
        services.AddSingleton<ApplicationChoices>();
        services.AddSingleton<RunLinks>();
        services.AddSingleton<GitHubConnection>();
        services.AddSingleton<GitOpsConsole.Integrations.GitHub.WorkflowRunSignals>();
        services.AddSingleton<ArgoCdConnection>();
        services.AddSingleton<ICiTool, CiRouter>();
        services.AddSingleton<CommitStatusRouter>();
        services.AddSingleton<ICommitStatusTool>(p => p.GetRequiredService<CommitStatusRouter>());
        services.AddSingleton<OperatorRouter>();
        services.AddSingleton<IOperatorTool>(p => p.GetRequiredService<OperatorRouter>());
        services.AddSingleton<IClusterTool>(p => p.GetRequiredService<OperatorRouter>());
        services.AddSingleton<GitHubWriteBack>();
        services.AddSingleton<IPullRequestTool, PullRequestRouter>();
        services.AddSingleton(p => new Integrations.Kubernetes.KubernetesDiagnosticsTool(() => p.GetRequiredService<Clusters.ClusterConnection>().Client));
        services.AddSingleton<IClusterDiagnosticsTool, DiagnosticsRouter>();
        services.AddHostedService<RunStatusReporter>();
    }
}
