using GitOpsConsole.Web.Health;
using GitOpsConsole.Web.Startup;

namespace GitOpsConsole.Web.Sandbox;

internal static class SandboxRegistration
{
    public static void AddSandbox(this IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton(new SandboxRuntime { KubeconfigPath = Path.Combine(dataDirectory, "sandbox", "kubeconfig") });
        services.AddHostedService<SandboxHostedService>();
        services.AddHostedService<RegistryWebhookWiring>();
        services.AddSingleton<SandboxCluster>();
        services.AddHealthChecks().AddCheck<SandboxReadinessCheck>("sandbox", tags: [ReadinessProbe.Tag]);
    }
}
