using Bunit;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Events;
using Microsoft.Extensions.DependencyInjection;
using GitOpsConsole.Web.Components.Pages;

namespace GitOpsConsole.Web.Tests.Components;

public class OverviewTests : ComponentTestContext
{
    [Fact]
    public void Render_NoApplications_ExplainsWhereToDeclareThem()
    {
        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Contains("GitOps:Applications", cut.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_DeclaredApplications_ShowsOneRowEachWithTheirSettings()
    {
        await new ApplicationCatalog(Store, TimeProvider.System).SyncAsync(
        [
            new ApplicationOptions { Name = "storefront", Environment = "dev", Repository = "sandbox:storefront", Path = "chart", SyncPolicy = new() { SelfHeal = true } },
            new ApplicationOptions { Name = "payments", Environment = "prod", Repository = "https://git.example/payments.git", Engine = DeploymentEngine.Agent, RequireApproval = true },
        ], Xunit.TestContext.Current.CancellationToken);

        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=applications] tbody tr").Count));
        var rows = cut.FindAll("[data-testid=applications] tbody tr");
        Assert.Contains("payments", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Agent", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("approval", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("https://git.example/payments.git", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("storefront", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("self-heal", rows[1].QuerySelector("span.on:nth-of-type(2)")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EventRecordedWhileOpen_ShowsInItsRowWithoutReload()
    {
        await new ApplicationCatalog(Store, TimeProvider.System).SyncAsync(
            [new ApplicationOptions { Name = "storefront", Environment = "dev", Repository = "sandbox:storefront" }], Xunit.TestContext.Current.CancellationToken);
        var cut = Render<Overview>();
        cut.WaitForAssertion(() => Assert.Contains("none yet", cut.Find("[data-testid=last-event]").TextContent, StringComparison.Ordinal));

        await Services.GetRequiredService<EventStore>().RecordAsync(new IncomingEvent(
            TriggerKind.Push, EventSources.Sandbox, "d-1", "sandbox:storefront", "refs/heads/main", CommitSha: "abcdef1234567"), Xunit.TestContext.Current.CancellationToken);

        cut.WaitForAssertion(() => Assert.Contains("abcdef1", cut.Find("[data-testid=last-event]").TextContent, StringComparison.Ordinal));
        Assert.Contains("accepted", cut.Find("[data-testid=last-event]").TextContent, StringComparison.Ordinal);
    }
}
