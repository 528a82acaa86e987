using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Operator;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Data.Tests;

public class SyncHistoryTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await new ApplicationCatalog(_database.Factory, _time).SyncAsync(
            [new ApplicationOptions { Name = "storefront", Environment = "dev", Repository = "sandbox:storefront" },
             new ApplicationOptions { Name = "catalog", Environment = "staging", Repository = "sandbox:catalog" }],
            TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private SyncResult Sync(string app, int n) => new(app, $"{n:D40}", SyncPhase.Succeeded, $"sync {n}", _time.GetUtcNow(), _time.GetUtcNow().AddSeconds(1),
        [new ResourceSyncResult(new ResourceKey("apps", "Deployment", app, app), ResourceSyncOutcome.Configured, "replicas")]);

    [Fact]
    public async Task RecordAsync_TwelveSyncs_KeepsTheLastTenNewestFirst()
    {
        var history = new SyncHistory(_database.Factory);
        for (var n = 1; n <= 12; n++)
        {
            await history.RecordAsync(Sync("storefront", n), "automated", TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var kept = await history.ListAsync("storefront", TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(n => $"sync {n}"), kept.Select(k => k.Message));
    }

    [Fact]
    public async Task RecordAsync_OtherApplication_ItsHistoryIsUntouched()
    {
        var history = new SyncHistory(_database.Factory);
        await history.RecordAsync(Sync("catalog", 1), "alice", TestContext.Current.CancellationToken);
        for (var n = 1; n <= 11; n++)
        {
            await history.RecordAsync(Sync("storefront", n), "self-heal", TestContext.Current.CancellationToken);
        }

        var catalog = Assert.Single(await history.ListAsync("catalog", TestContext.Current.CancellationToken));

        Assert.Equal("alice", catalog.InitiatedBy);
        var resource = Assert.Single(SyncHistory.ResourcesOf(catalog));
        Assert.Equal(new SyncedObject("apps", "Deployment", "catalog", "catalog", "Configured", "replicas"), resource);
    }

    [Fact]
    public async Task RecordAsync_UnknownApplication_StoresNothing()
    {
        var history = new SyncHistory(_database.Factory);

        var record = await history.RecordAsync(Sync("nope", 1), "automated", TestContext.Current.CancellationToken);

        Assert.Null(record);
        Assert.Empty(await history.ListAsync("nope", TestContext.Current.CancellationToken));
    }
}
