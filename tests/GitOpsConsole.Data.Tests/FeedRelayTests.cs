using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Auditing;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Data.Relay;
using GitOpsConsole.Data.Runs;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Data.Tests;

/// <summary>A follower's relay: what the leader's stores write (publishing to the leader's feeds) reaches the follower's feeds.</summary>
public class FeedRelayTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly RunFeed _followerRuns = new();
    private readonly TraceFeed _followerTrace = new();
    private RunStore _leader = default!;
    private Application _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _leader = new RunStore(_database.Factory, new RunFeed(), _time);
        var catalog = new ApplicationCatalog(_database.Factory, _time);
        await catalog.SyncAsync([new ApplicationOptions { Name = "storefront", Environment = "dev", Repository = "sandbox:storefront" }], Ct);
        _app = (await catalog.ListAsync(Ct)).Single();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task PollAsync(IFeedRelay relay)
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        await relay.PollAsync(db, Ct);
    }

    [Fact]
    public async Task RunRelay_LeaderRunsStepByStep_FollowerFeedSeesEachChangeOnce()
    {
        var relay = new RunRelay(_followerRuns);
        await using (var db = await _database.Factory.CreateDbContextAsync(Ct))
        {
            await relay.PrimeAsync(db, Ct);
        }

        var seen = new List<RunChange>();
        using var subscription = _followerRuns.Subscribe(seen.Add);

        var run = await QueueAsync();
        await PollAsync(relay);
        await _leader.StartAsync(run.Id, Ct);
        var step = await _leader.StartStepAsync(run.Id, 1, "ci.trigger_build", null, "build", Ct);
        await PollAsync(relay);
        await PollAsync(relay);
        step.Status = StepStatus.Succeeded;
        step.FinishedAt = _time.GetUtcNow();
        await _leader.FinishStepAsync(step, Ct);
        await PollAsync(relay);
        await _leader.FinishAsync(run.Id, RunStatus.Succeeded, "done", Ct);
        await PollAsync(relay);
        await PollAsync(relay);

        Assert.Equal([RunStatus.Queued, RunStatus.Running, RunStatus.Running, RunStatus.Succeeded], seen.Select(c => c.Status));
        Assert.All(seen, c => Assert.Equal((run.Id, "storefront"), (c.RunId, c.Application)));
    }

    [Fact]
    public async Task TraceRelay_EntriesAppended_PublishedOnceInOrderFromThePrimedPoint()
    {
        var leaderTrace = new TraceStore(_database.Factory, new TraceFeed(), _time);
        var runId = (await QueueAsync()).Id;
        var relay = new TraceRelay(_followerTrace);
        var seen = new List<TraceChange>();
        using var subscription = _followerTrace.Subscribe(seen.Add);

        await AppendAsync(leaderTrace, runId, 1, "before the follower looked");
        await using (var db = await _database.Factory.CreateDbContextAsync(Ct))
        {
            await relay.PrimeAsync(db, Ct);
        }

        await AppendAsync(leaderTrace, runId, 2, "plan");
        await AppendAsync(leaderTrace, runId, 3, "tool call");
        await PollAsync(relay);
        await PollAsync(relay);

        Assert.Equal(["plan", "tool call"], seen.Select(c => c.Entry.Content));
    }

    [Fact]
    public async Task StatusRelay_LeaderStoresStatuses_FollowerFeedIsFilledAtPrimeThenHearsEachChange()
    {
        var snapshots = new StatusSnapshots(_database.Factory);
        var deployment = new ResourceStatus(new ResourceKey("apps", "Deployment", "storefront", "storefront"), "apps/v1", SyncStatus.Synced, HealthStatus.Progressing, "1 of 2 replicas updated");
        var progressing = new ApplicationStatus("storefront", "abc1234", SyncStatus.Synced, HealthStatus.Progressing, "rolling out", [deployment], _time.GetUtcNow());
        await snapshots.SaveAsync([progressing, progressing with { Application = "not-in-the-store" }], Ct);
        var statuses = new ApplicationStatusFeed();
        var relay = new StatusRelay(statuses);
        var seen = new List<ApplicationStatus>();
        using var subscription = statuses.Subscribe(seen.Add);

        await using (var db = await _database.Factory.CreateDbContextAsync(Ct))
        {
            await relay.PrimeAsync(db, Ct);
        }

        await PollAsync(relay);
        var healthy = progressing with { Health = HealthStatus.Healthy, HealthMessage = "", Resources = [deployment with { Health = HealthStatus.Healthy }] };
        await snapshots.SaveAsync([healthy], Ct);
        await PollAsync(relay);
        await PollAsync(relay);

        Assert.Equal([HealthStatus.Progressing, HealthStatus.Healthy], seen.Select(s => s.Health));
        var latest = Assert.Single(statuses.Latest).Value;
        Assert.Equal(("abc1234", SyncStatus.Synced, HealthStatus.Healthy, _time.GetUtcNow()), (latest.Revision, latest.Sync, latest.Health, latest.ObservedAt));
        Assert.Equal(deployment.Resource, Assert.Single(latest.Resources).Resource);
        Assert.Equal(HealthStatus.Healthy, latest.Resources[0].Health);
    }

    [Fact]
    public async Task AuditRelay_EntriesWrittenAfterPrime_PublishedOnceInOrder()
    {
        var leaderAudit = new AuditLog(_database.Factory, _time, new AuditFeed());
        await leaderAudit.RecordAsync(new AuditRecord("admin", ActorKind.User, "user.sign_in"), Ct);
        var followerAudit = new AuditFeed();
        var relay = new AuditRelay(followerAudit);
        var seen = new List<string>();
        using var subscription = followerAudit.Subscribe(e => seen.Add(e.Action));
        await using (var db = await _database.Factory.CreateDbContextAsync(Ct))
        {
            await relay.PrimeAsync(db, Ct);
        }

        await leaderAudit.RecordAsync(new AuditRecord("engine", ActorKind.Engine, "run.started", "storefront"), Ct);
        await leaderAudit.RecordAsync(new AuditRecord("engine", ActorKind.Engine, "git.commit", "storefront"), Ct);
        await PollAsync(relay);
        await PollAsync(relay);
        await leaderAudit.RecordAsync(new AuditRecord("engine", ActorKind.Engine, "run.finished", "storefront"), Ct);
        await PollAsync(relay);

        Assert.Equal(["run.started", "git.commit", "run.finished"], seen);
    }

    private async Task<Run> QueueAsync()
    {
        var trigger = new TriggerEvent
        {
            Id = Guid.NewGuid(), Kind = TriggerKind.Push, Source = "sandbox", DeliveryId = "d1", CommitSha = new string('a', 40),
            ApplicationName = _app.Name, Decision = EventDecision.Accepted, ReceivedAt = _time.GetUtcNow(),
        };
        await using (var db = await _database.Factory.CreateDbContextAsync(Ct))
        {
            db.TriggerEvents.Add(trigger);
            await db.SaveChangesAsync(Ct);
        }

        return await _leader.QueueAsync(trigger, _app, DeploymentEngine.Workflow, Ct);
    }

    private async Task AppendAsync(TraceStore store, Guid runId, int sequence, string content) =>
        await store.AppendAsync(new TraceEntry { RunId = runId, Sequence = sequence, Kind = TraceKind.Thought, Content = content, CreatedAt = _time.GetUtcNow() }, Ct);
}
