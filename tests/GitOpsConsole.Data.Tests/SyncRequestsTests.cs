using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Operator;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Data.Tests;

/// <summary>Syncs asked for on a follower: each is claimed by one leader once, and its end is recorded for the follower.</summary>
public class SyncRequestsTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await new ApplicationCatalog(_database.Factory, _time).SyncAsync([new ApplicationOptions { Name = "storefront", Environment = "dev", Repository = "sandbox:storefront" }], Ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Claim_TwoRequests_HandedOutOnceInOrderAndTheEndIsReadBack()
    {
        var requests = new SyncRequests(_database.Factory, _time);
        var appId = (await new ApplicationCatalog(_database.Factory, _time).FindAsync("storefront", Ct))!.Id;
        var first = await requests.AddAsync(appId, null, "alice", Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await requests.AddAsync(appId, "c0ffee0123456789abcdef0123456789abcdef01", "bob", Ct);

        var claimed = await requests.ClaimAsync(Ct);
        var again = await requests.ClaimAsync(Ct);
        await requests.FinishAsync(first.Id, true, new string('x', SyncRequests.MessageLength + 10), Ct);

        Assert.Equal([first.Id, second.Id], claimed.Select(r => r.Id));
        Assert.Empty(again);
        var done = (await requests.GetAsync(first.Id, Ct))!;
        Assert.Equal((true, SyncRequests.MessageLength), (done.Succeeded, done.Message!.Length));
        Assert.Null((await requests.GetAsync(second.Id, Ct))!.FinishedAt);
    }
}
