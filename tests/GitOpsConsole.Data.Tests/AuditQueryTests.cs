using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Auditing;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Data.Tests;

public class AuditQueryTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private AuditLog _log = default!;
    private AuditQuery _query = default!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _log = new AuditLog(_database.Factory, _time, new AuditFeed());
        _query = new AuditQuery(_database.Factory);
        for (var i = 0; i < 30; i++)
        {
            var failed = i % 3 == 0;
            await _log.RecordAsync(new AuditRecord(i % 2 == 0 ? "ana" : "bo", ActorKind.User,
                failed ? AuditActions.SignIn : AuditActions.PasswordChange, $"target-{i}", Succeeded: !failed), TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromHours(1));
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task PageAsync_NoFilter_NewestFirstWithTotal()
    {
        var page = await _query.PageAsync(new AuditFilter(), page: 1, pageSize: 10, TestContext.Current.CancellationToken);

        Assert.Equal(30, page.Total);
        Assert.Equal(10, page.Items.Count);
        Assert.Equal("target-19", page.Items[0].Target);
        Assert.Equal("target-10", page.Items[^1].Target);
    }

    [Fact]
    public async Task PageAsync_ActorActionOutcome_CombineAsAnd()
    {
        var page = await _query.PageAsync(new AuditFilter(Actor: "ana", Action: AuditActions.SignIn, Succeeded: false), 0, 50, TestContext.Current.CancellationToken);

        // i even and divisible by 3: 0, 6, 12, 18, 24
        Assert.Equal(5, page.Total);
        Assert.All(page.Items, e => Assert.True(e.Actor == "ana" && !e.Succeeded));
    }

    [Fact]
    public async Task PageAsync_TimeRangeAndText_Filter()
    {
        var start = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        var page = await _query.PageAsync(new AuditFilter(From: start, To: start.AddHours(3), Text: "target-1"), 0, 50, TestContext.Current.CancellationToken);

        // Hours 10, 11, 12 hold target-2..4; none contains "target-1".
        Assert.Equal(0, page.Total);
        var wider = await _query.PageAsync(new AuditFilter(From: start, To: start.AddHours(12)), 0, 50, TestContext.Current.CancellationToken);
        Assert.Equal(12, wider.Total);
    }

    [Fact]
    public async Task RecordAsync_Persisted_NotifiesSubscribers()
    {
        var feed = new AuditFeed();
        var log = new AuditLog(_database.Factory, _time, feed);
        AuditEntry? seen = null;
        using var subscription = feed.Subscribe(e => seen = e);

        await log.RecordAsync(new AuditRecord("system", ActorKind.System, "test.action"), TestContext.Current.CancellationToken);

        Assert.NotNull(seen);
        Assert.True(seen.Id > 0);
        Assert.Contains("test.action", await _query.ActionsAsync(TestContext.Current.CancellationToken));
    }
}
