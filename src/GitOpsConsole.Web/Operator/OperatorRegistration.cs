using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Integrations.Git;
using GitOpsConsole.Web.Drift;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Operator;

internal static class OperatorRegistration
{
    public static void AddEmbeddedOperator(this IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton(provider => new GitMirrorCache(
            GitAdapterConfiguration.MirrorOptions(provider.GetRequiredService<IOptions<GitOpsOptions>>().Value, dataDirectory,
                provider.GetRequiredService<Connections.GitHubConnection>().GitCredentialFor),
            GitAdapterConfiguration.UrlResolver(provider.GetRequiredService<IOptions<GitOpsOptions>>().Value, dataDirectory),
            provider.GetRequiredService<ILogger<GitMirrorCache>>()));
        services.AddSingleton<IGitReader, GitReader>();
        services.AddSingleton(provider => Integrations.Rendering.ChartRendererConfiguration.Create(provider.GetRequiredService<IOptions<GitOpsOptions>>().Value, Environment.GetEnvironmentVariable("PATH")));
        services.AddSingleton<ApplicationStatusFeed>();
        services.AddSingleton<SyncHistory>();
        services.AddSingleton<StatusSnapshots>();
        services.AddHostedService<StatusRecorder>();
        services.AddSingleton<DriftFeed>();
        services.AddSingleton<DriftStore>();
        services.AddSingleton<DriftIgnoreRules>();
        services.AddSingleton<OperatorService>();
        services.AddSingleton<OperatorLoop>();
        services.AddHostedService(provider => provider.GetRequiredService<OperatorLoop>());
        services.AddSingleton<InspectionQueue>();
        services.AddHostedService<DriftWatcher>();
        services.AddSingleton<ArgoCdDriftRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<ArgoCdDriftRefresher>());
        services.AddSingleton<BackgroundSyncs>();
        services.AddSingleton<SyncRequests>();
        services.AddSingleton<ForwardedSyncs>();
        services.AddHostedService(provider => provider.GetRequiredService<ForwardedSyncs>());
        services.AddSingleton<ManualSync>();
        services.AddSingleton<SelfHealSwitch>();
        services.AddSingleton<DriftIgnore>();
    }
}
