using GitOpsConsole.Data.Events;

namespace GitOpsConsole.Web.Ingestion;

internal static class IngestionRegistration
{
    public static void AddIngestion(this IServiceCollection services)
    {
        services.AddSingleton<EventFeed>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<EventQuery>();
        services.AddSingleton<GitHubDeliveries>();
        services.AddHostedService<SandboxPushIngestion>();
        services.AddGitPolling();
    }
}
