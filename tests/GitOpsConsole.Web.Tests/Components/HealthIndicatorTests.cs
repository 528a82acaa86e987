using Bunit;
using GitOpsConsole.Web.Components.Layout;
using GitOpsConsole.Web.Health;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Components;

public class HealthIndicatorTests : ComponentTestContext
{
    private readonly ReadinessFeed _feed = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(_feed);
    }

    private static ReadinessReport Report(string databaseStatus) => new(
        databaseStatus == "Healthy" ? "Healthy" : "Unhealthy",
        DateTimeOffset.UnixEpoch,
        [new ComponentReadiness("database", databaseStatus, "SQLite", 1.0)]);

    [Fact]
    public void Render_NoCheckYet_SaysChecking()
    {
        var cut = Render<HealthIndicator>();

        Assert.Contains("Checking", cut.Find("[data-testid=health-indicator]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReportPublishedLater_UpdatesWithoutReload()
    {
        var cut = Render<HealthIndicator>();

        _feed.Publish(Report("Healthy"));
        cut.WaitForAssertion(() => Assert.Contains("Ready", cut.Find("[data-testid=health-indicator]").TextContent, StringComparison.Ordinal));

        _feed.Publish(Report("Unhealthy"));
        cut.WaitForAssertion(() => Assert.Contains("Not ready", cut.Find("[data-testid=health-indicator]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Dispose_Unsubscribes()
    {
        var cut = Render<HealthIndicator>();
        cut.Instance.Dispose();

        _feed.Publish(Report("Healthy"));

        Assert.Contains("Checking", cut.Find("[data-testid=health-indicator]").TextContent, StringComparison.Ordinal);
    }
}
