using Bunit;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Web.Components.Pages;
using GitOpsConsole.Web.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace GitOpsConsole.Web.Tests.Components;

public class PipelinesPageTests : ComponentTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await new ApplicationCatalog(Store, TimeProvider.System).SyncAsync(
        [
            new ApplicationOptions { Name = "storefront", Environment = "dev", Repository = "sandbox:storefront" },
            new ApplicationOptions { Name = "catalog", Environment = "staging", Repository = "sandbox:catalog" },
        ], Ct);
    }

    [Fact]
    public async Task Render_Runs_NewestFirstWithStatusTriggerAndLink()
    {
        await RunSeed.FinishedAsync(Services, "catalog", "1111111aaaaaaa", RunStatus.RolledBack);
        var newest = await RunSeed.FinishedAsync(Services, "storefront", "2222222bbbbbbb", RunStatus.Succeeded);

        var cut = Render<Pipelines>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=runs-table] tbody tr").Count));
        var rows = cut.FindAll("[data-testid=runs-table] tbody tr");
        Assert.Equal("Succeeded", rows[0].QuerySelector("[data-testid=run-status]")!.GetAttribute("data-status"));
        Assert.Contains("2222222", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Change the storefront — Dev", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal($"runs/{newest.Id}", rows[0].QuerySelector("[data-testid=run-link]")!.GetAttribute("href"));
        Assert.Equal("RolledBack", rows[1].QuerySelector("[data-testid=run-status]")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task Render_RunQueuedWhileOpen_AppearsWithoutReloadAndFollowsItsStatus()
    {
        var cut = Render<Pipelines>();
        cut.WaitForAssertion(() => Assert.Contains("No runs yet", cut.Markup, StringComparison.Ordinal));

        var run = await RunSeed.QueueAsync(Services, "storefront", "3333333ccccccc");
        cut.WaitForAssertion(() => Assert.Equal("Queued", cut.Find("[data-testid=run-status]").GetAttribute("data-status")));

        await Services.GetRequiredService<RunStore>().StartAsync(run.Id, Ct);
        cut.WaitForAssertion(() => Assert.Equal("Running", cut.Find("[data-testid=run-status]").GetAttribute("data-status")));
    }

    [Fact]
    public async Task StatusFilter_Set_ShowsOnlyRunsWithThatStatus()
    {
        await RunSeed.FinishedAsync(Services, "catalog", "1111111aaaaaaa", RunStatus.Failed);
        await RunSeed.FinishedAsync(Services, "storefront", "2222222bbbbbbb", RunStatus.Succeeded);
        var cut = Render<Pipelines>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=runs-table] tbody tr").Count));

        var status = cut.FindComponents<MudSelect<RunStatus?>>().Single();
        await cut.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync(RunStatus.Failed));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=runs-table] tbody tr")));
        Assert.Contains("catalog", cut.Find("[data-testid=runs-table] tbody tr").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverviewRunLine_RunProgresses_ShowsCurrentStepThenTheOutcomeWithoutReload()
    {
        var cut = Render<Overview>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=app-run-none]").Count));

        var run = await RunSeed.QueueAsync(Services, "storefront", "4444444ddddddd");
        var store = Services.GetRequiredService<RunStore>();
        await store.StartAsync(run.Id, Ct);
        await store.StartStepAsync(run.Id, 1, "ci.trigger_build", null, "Build storefront@4444444", Ct);

        cut.WaitForAssertion(() => Assert.Contains("Build storefront@4444444", cut.Find("[data-testid=app-run-step]").TextContent, StringComparison.Ordinal));
        Assert.Equal($"runs/{run.Id}", cut.Find("[data-testid=app-run]").GetAttribute("href"));

        await store.FinishAsync(run.Id, RunStatus.Succeeded, "storefront runs 4444444 and is Healthy", Ct);
        cut.WaitForAssertion(() => Assert.Equal("Succeeded", cut.Find("[data-testid=app-run]").GetAttribute("data-status")));
        Assert.Contains("is Healthy", cut.Find("[data-testid=app-run]").TextContent, StringComparison.Ordinal);
    }
}
