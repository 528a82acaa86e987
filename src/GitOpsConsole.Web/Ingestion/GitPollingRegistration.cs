namespace GitOpsConsole.Web.Ingestion;

internal static class GitPollingRegistration
{
    /// <summary>Polling of remote Git repositories (<c>GitOps:Ingestion:PollInterval</c>).</summary>
    public static void AddGitPolling(this IServiceCollection services)
    {
        services.AddSingleton<GitPoller>();
        services.AddHostedService<GitPollingService>();
    }
}
