using GitOpsConsole.Web.Clusters;
using GitOpsConsole.Web.Health;

namespace GitOpsConsole.Web.Leadership;

internal static class LeadershipRegistration
{
    /// <summary>The cluster connection, the gate and (after the sandbox, whose emulator may hold the Lease) the election.</summary>
    public static void AddLeadership(this IServiceCollection services)
    {
        services.AddSingleton<ClusterConnection>();
        services.AddSingleton<LeaderGate>();
        services.AddHostedService<LeaderElectionService>();
        services.AddHealthChecks().AddCheck<LeadershipReadinessCheck>("leadership", tags: [ReadinessProbe.Tag]);
    }
}
