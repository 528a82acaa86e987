using GitOpsConsole.Data.Scenarios;

namespace GitOpsConsole.Web.Scenarios;

internal static class ScenarioRegistration
{
    /// <summary>The scenario files, the lab that plays them in twin worlds, and the comparisons read back from the store.</summary>
    public static void AddScenarioLab(this IServiceCollection services)
    {
        services.AddSingleton<ScenarioCatalog>();
        services.AddSingleton<ScenarioRunFeed>();
        services.AddSingleton<ScenarioRunStore>();
        services.AddSingleton<TwinWorlds>();
        services.AddSingleton<TwinCleanup>();
        services.AddHostedService<TwinWorldsAtStart>();
        services.AddSingleton<ScenarioEvents>();
        services.AddSingleton<ScriptedAnswerer>();
        services.AddSingleton<RunWatch>();
        services.AddSingleton<EndStateReader>();
        services.AddSingleton<ScenarioLab>();
        services.AddSingleton<ComparisonReader>();
    }
}
