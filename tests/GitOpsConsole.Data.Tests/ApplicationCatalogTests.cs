using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Data.Tests;

public class ApplicationCatalogTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static ApplicationOptions Storefront() => new()
    {
        Name = "storefront", Environment = "dev", Repository = "sandbox:storefront", Path = "chart",
        SyncPolicy = new SyncPolicyOptions { SelfHeal = true },
    };

    [Fact]
    public async Task SyncAsync_FirstTime_AddsDeclaredApplicationsWithDefaults()
    {
        var catalog = new ApplicationCatalog(_database.Factory, _time);

        var result = await catalog.SyncAsync([Storefront()], TestContext.Current.CancellationToken);

        Assert.Equal(["storefront"], result.Added);
        var app = Assert.Single(await catalog.ListAsync(TestContext.Current.CancellationToken));
        Assert.Equal("storefront", app.Namespace);
        Assert.Equal("sandbox:storefront", app.RepositoryUrl);
        Assert.True(app.SelfHeal);
        Assert.Equal(DeploymentEngine.Workflow, app.Engine);
        Assert.Equal(_time.GetUtcNow(), app.CreatedAt);
    }

    [Fact]
    public async Task SyncAsync_Unchanged_ReportsNothingAndKeepsUpdatedAt()
    {
        var catalog = new ApplicationCatalog(_database.Factory, _time);
        await catalog.SyncAsync([Storefront()], TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromHours(1));

        var result = await catalog.SyncAsync([Storefront()], TestContext.Current.CancellationToken);

        Assert.False(result.Changed);
        var app = Assert.Single(await catalog.ListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(app.CreatedAt, app.UpdatedAt);
    }

    [Fact]
    public async Task SyncAsync_ChangedAndRemoved_UpdatesAndKeepsTheRemovedOne()
    {
        var catalog = new ApplicationCatalog(_database.Factory, _time);
        var catalogApp = new ApplicationOptions { Name = "catalog", Environment = "staging", Repository = "sandbox:catalog" };
        await catalog.SyncAsync([Storefront(), catalogApp], TestContext.Current.CancellationToken);
        var changed = Storefront();
        changed.Engine = DeploymentEngine.Agent;

        var result = await catalog.SyncAsync([changed], TestContext.Current.CancellationToken);

        Assert.Equal(["storefront"], result.Updated);
        Assert.Equal(["catalog"], result.NoLongerDeclared);
        var apps = await catalog.ListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, apps.Count);
        Assert.Equal(DeploymentEngine.Agent, apps.Single(a => a.Name == "storefront").Engine);
    }

    [Fact]
    public async Task SyncAsync_ImagePolicyDeclaredThenChangedThenRemoved_StoredAndEachChangeReported()
    {
        var catalog = new ApplicationCatalog(_database.Factory, _time);
        var declared = Storefront();
        declared.ImagePolicy = new ImagePolicyOptions { Strategy = "semver", Constraint = " ~1.4 ", IgnoreTags = ["-rc"] };
        await catalog.SyncAsync([declared], TestContext.Current.CancellationToken);
        var unchanged = await catalog.SyncAsync([declared], TestContext.Current.CancellationToken);

        declared.ImagePolicy.IgnoreTags.Add("-beta");
        var changed = await catalog.SyncAsync([declared], TestContext.Current.CancellationToken);
        var stored = (await catalog.FindAsync("storefront", TestContext.Current.CancellationToken))!.ImagePolicy;
        declared.ImagePolicy = null;
        var removed = await catalog.SyncAsync([declared], TestContext.Current.CancellationToken);

        Assert.False(unchanged.Changed);
        Assert.Equal(["storefront"], changed.Updated);
        Assert.Equal(("semver ~1.4", "~1.4"), (stored!.ToString(), stored.Constraint));
        Assert.Equal(["-rc", "-beta"], stored.IgnoreTags);
        Assert.Equal(["storefront"], removed.Updated);
        Assert.Null((await catalog.FindAsync("storefront", TestContext.Current.CancellationToken))!.ImagePolicy);
    }
}
