using Bunit;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Drift;
using GitOpsConsole.Web.Components.Drift;

namespace GitOpsConsole.Web.Tests.Components;

public class ApplicationDriftCardTests : ComponentTestContext
{
    private static readonly Application Catalog = new() { Name = "catalog", Environment = "staging", RepositoryUrl = "sandbox:catalog", Namespace = "catalog" };

    private static DriftFindingView Finding() => new(new DriftFinding
    {
        Id = 1, Kind = "Deployment", Group = "apps", Namespace = "catalog", Name = "catalog", Path = "/spec/replicas", Desired = "2", Live = "4",
        DetectedAt = DateTimeOffset.UtcNow,
    }, "catalog");

    private IRenderedComponent<ApplicationDriftCard> Card(bool canOperate, Action<DriftFindingView>? onIgnore = null) =>
        Render<ApplicationDriftCard>(p => p
            .Add(c => c.App, Catalog)
            .Add(c => c.Open, [Finding()])
            .Add(c => c.CanOperate, canOperate)
            .Add(c => c.OnIgnore, f => onIgnore?.Invoke(f)));

    [Fact]
    public void Render_Viewer_ActionsShownButDisabled()
    {
        var card = Card(canOperate: false);

        Assert.True(card.Find("[data-testid=sync-now]").HasAttribute("disabled"));
        Assert.True(card.FindAll("button").Where(b => b.TextContent.Contains("Ignore this field", StringComparison.Ordinal)).All(b => b.HasAttribute("disabled")));
        Assert.Contains("1 open drift", card.Find("[data-testid=open-drift-count]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoreThisField_Operator_RaisesTheFinding()
    {
        DriftFindingView? ignored = null;
        var card = Card(canOperate: true, f => ignored = f);

        card.FindAll("button").Single(b => b.TextContent.Contains("Ignore this field", StringComparison.Ordinal)).Click();

        Assert.Equal("/spec/replicas", ignored?.Finding.Path);
        Assert.False(card.Find("[data-testid=sync-now]").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_ArgoCdReadFailed_SaysWhyAndOffersNoSelfHealSwitch()
    {
        var app = new Application { Name = "storefront", Environment = "dev", RepositoryUrl = "sandbox:storefront", Namespace = "storefront", Operator = OperatorKind.ArgoCd };
        var view = new GitOpsConsole.Web.Drift.ArgoCdDriftView("storefront", "storefront-dev", null, "Argo CD answered 403 for GET /api/v1/applications/storefront-dev: grant get", DateTimeOffset.UtcNow);

        var card = Render<ApplicationDriftCard>(p => p.Add(c => c.App, app).Add(c => c.ArgoCd, view).Add(c => c.CanOperate, true));

        Assert.Contains("Could not read storefront-dev from Argo CD", card.Find("[data-testid=argo-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("403", card.Find("[data-testid=argo-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("from Argo CD · storefront-dev", card.Find("[data-testid=argo-source]").TextContent, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("[data-testid=self-heal]"));
        Assert.Contains("Unknown until Argo CD can be read", card.Markup, StringComparison.Ordinal);
    }
}
