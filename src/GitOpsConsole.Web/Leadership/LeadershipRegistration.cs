using GitOpsConsole.Web.Clusters;
using GitOpsConsole.Web.Health;

namespace GitOpsConsole.Web.Leadership;

internal static class LeadershipRegistration
{
    /// <summary>The cluster connection, the gate, (after the sandbox, whose emulator may hold the Lease) the election, and the followers' relay.</summary>
    public static void AddLeadership(this IServiceCollection services)
    {
        services.AddSingleton<ClusterConnection>();
        services.AddSingleton<LeaderGate>();
        services.AddHostedService<LeaderElectionService>();
        services.AddSingleton<Data.Relay.IFeedRelay, Data.Relay.RunRelay>();
        services.AddSingleton<Data.Relay.IFeedRelay, Data.Relay.TraceRelay>();
        services.AddSingleton<Data.Relay.IFeedRelay, Data.Relay.QuestionRelay>();
        services.AddSingleton<Data.Relay.IFeedRelay, Data.Relay.DriftRelay>();
        services.AddSingleton<Data.Relay.IFeedRelay, Data.Relay.EventRelay>();
        services.AddSingleton<Data.Relay.IFeedRelay, Data.Relay.StatusRelay>();
        services.AddSingleton<Data.Relay.IFeedRelay, Data.Relay.AuditRelay>();
        services.AddHostedService<FollowerRelay>();
        services.AddHealthChecks().AddCheck<LeadershipReadinessCheck>("leadership", tags: [ReadinessProbe.Tag]);
    }
}
