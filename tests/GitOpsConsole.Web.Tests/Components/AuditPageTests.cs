using Bunit;
using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Auditing;
using GitOpsConsole.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace GitOpsConsole.Web.Tests.Components;

public class AuditPageTests : ComponentTestContext
{
    private AuditLog Log => new(Store, TimeProvider.System, Services.GetRequiredService<AuditFeed>());

    [Fact]
    public async Task Render_MoreEntriesThanAPage_ShowsNewestPageAndTotal()
    {
        for (var i = 0; i < 30; i++)
        {
            await Log.RecordAsync(new AuditRecord("ana", ActorKind.User, AuditActions.SignIn, $"entry-{i:00}"), Xunit.TestContext.Current.CancellationToken);
        }

        var cut = Render<Audit>();

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-testid=audit-table] tbody tr").Count));
        Assert.Contains("entry-29", cut.FindAll("[data-testid=audit-table] tbody tr")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1-25 of 30", cut.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EntryRecordedWhileOpen_AppearsWithoutReload()
    {
        await Log.RecordAsync(new AuditRecord("ana", ActorKind.User, AuditActions.SignIn, "first"), Xunit.TestContext.Current.CancellationToken);
        var cut = Render<Audit>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=audit-table] tbody tr")));

        await Log.RecordAsync(new AuditRecord("bo", ActorKind.User, AuditActions.SignOut, "second"), Xunit.TestContext.Current.CancellationToken);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=audit-table] tbody tr").Count));
        Assert.Contains("second", cut.FindAll("[data-testid=audit-table] tbody tr")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorFilter_Set_ReloadsWithOnlyThatActor()
    {
        await Log.RecordAsync(new AuditRecord("ana", ActorKind.User, AuditActions.SignIn, "a"), Xunit.TestContext.Current.CancellationToken);
        await Log.RecordAsync(new AuditRecord("bo", ActorKind.User, AuditActions.SignIn, "b"), Xunit.TestContext.Current.CancellationToken);
        var cut = Render<Audit>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=audit-table] tbody tr").Count));

        var actor = cut.FindComponents<MudTextField<string>>().First(f => f.Instance.Label == "Actor");
        await cut.InvokeAsync(() => actor.Instance.ValueChanged.InvokeAsync("bo"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=audit-table] tbody tr")));
        Assert.Contains("bo", cut.Find("[data-testid=audit-table] tbody tr").TextContent, StringComparison.Ordinal);
    }
}
