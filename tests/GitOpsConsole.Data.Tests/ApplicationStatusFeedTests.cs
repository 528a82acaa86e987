using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Operator;

namespace GitOpsConsole.Data.Tests;

/// <summary>The status feed tells views (and the leader's recorder) about changes, not about every refresh.</summary>
public class ApplicationStatusFeedTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static ApplicationStatus Status(HealthStatus podHealth, DateTimeOffset observedAt) => new("storefront", "abc1234", SyncStatus.Synced, HealthStatus.Healthy, "",
        [
            new ResourceStatus(new ResourceKey("apps", "Deployment", "storefront", "storefront"), "apps/v1", SyncStatus.Synced, HealthStatus.Healthy, ""),
            new ResourceStatus(new ResourceKey("batch", "Job", "storefront", "migrate"), "batch/v1", SyncStatus.Synced, podHealth, ""),
        ], observedAt);

    [Fact]
    public void Publish_SameStatusRefreshedThenOneObjectChanges_PublishedFirstAndOnTheObjectChangeOnly()
    {
        var feed = new ApplicationStatusFeed();
        var seen = new List<ApplicationStatus>();
        using var subscription = feed.Subscribe(seen.Add);

        feed.Publish(Status(HealthStatus.Progressing, At));
        feed.Publish(Status(HealthStatus.Progressing, At.AddSeconds(10)));
        feed.Publish(Status(HealthStatus.Healthy, At.AddSeconds(20)));

        Assert.Equal([At, At.AddSeconds(20)], seen.Select(s => s.ObservedAt));
        Assert.Equal(At.AddSeconds(20), feed.Latest["storefront"].ObservedAt);
    }
}
