using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Runs;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Data.Tests;

public class RunStoreTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly RunFeed _feed = new();
    private RunStore _store = default!;
    private RunQuery _query = default!;
    private Application _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _store = new RunStore(_database.Factory, _feed, _time);
        _query = new RunQuery(_database.Factory);
        var catalog = new ApplicationCatalog(_database.Factory, _time);
        await catalog.SyncAsync([new ApplicationOptions { Name = "storefront", Environment = "dev", Repository = "sandbox:storefront" }], Ct);
        _app = (await catalog.ListAsync(Ct)).Single();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<TriggerEvent> PushAsync(string sha)
    {
        var trigger = new TriggerEvent
        {
            Id = Guid.NewGuid(), Kind = TriggerKind.Push, Source = "sandbox", DeliveryId = sha, CommitSha = sha,
            ApplicationName = _app.Name, Decision = EventDecision.Accepted, ReceivedAt = _time.GetUtcNow(),
        };
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        db.TriggerEvents.Add(trigger);
        await db.SaveChangesAsync(Ct);
        return trigger;
    }

    [Fact]
    public async Task QueueAsync_NewerEvent_SupersedesTheQueuedOlderRunButNotTheRunningOne()
    {
        var running = await _store.QueueAsync(await PushAsync("a".PadRight(40, '1')), _app, DeploymentEngine.Workflow, Ct);
        await _store.StartAsync(running.Id, Ct);
        var older = await _store.QueueAsync(await PushAsync("b".PadRight(40, '2')), _app, DeploymentEngine.Workflow, Ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        var changes = new List<RunChange>();
        using var subscription = _feed.Subscribe(changes.Add);

        var newer = await _store.QueueAsync(await PushAsync("c".PadRight(40, '3')), _app, DeploymentEngine.Workflow, Ct);

        var olderNow = (await _query.GetAsync(older.Id, Ct))!.Run;
        Assert.Equal(RunStatus.Cancelled, olderNow.Status);
        Assert.Contains($"Superseded by run {newer.Id}", olderNow.Reason, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Running, (await _query.GetAsync(running.Id, Ct))!.Run.Status);
        Assert.Equal([older.Id, newer.Id], changes.Select(c => c.RunId));
        // The interrupted (running) run is resumed before the queued one.
        Assert.Equal(running.Id, (await _store.NextAsync(_app.Id, Ct))!.Id);
    }

    [Fact]
    public async Task CancelQueuedAsync_QueuedRun_EndsCancelled_FinishedRunIsLeftAlone()
    {
        var queued = await _store.QueueAsync(await PushAsync("d".PadRight(40, '4')), _app, DeploymentEngine.Workflow, Ct);

        Assert.True(await _store.CancelQueuedAsync(queued.Id, "Cancelled by alice before it started", Ct));
        Assert.False(await _store.CancelQueuedAsync(queued.Id, "again", Ct));

        var run = (await _query.GetAsync(queued.Id, Ct))!.Run;
        Assert.Equal((RunStatus.Cancelled, "Cancelled by alice before it started"), (run.Status, run.Reason));
        Assert.Null(await _store.NextAsync(_app.Id, Ct));
    }

    [Fact]
    public async Task StepRecorder_ResumedRun_ReplaysSucceededStepsAndRedoesTheInterruptedOne()
    {
        var run = await _store.QueueAsync(await PushAsync("e".PadRight(40, '5')), _app, DeploymentEngine.Workflow, Ct);
        var first = new StepRecorder(_store, run.Id, [], _time);
        var calls = 0;
        await first.RunAsync("ci.trigger_build", new { commit = "e" }, "Build", _ => { calls++; return Task.FromResult(new StepResult<string>("build-1", "Build build-1 queued")); }, Ct);
        using (var interrupted = new CancellationTokenSource())
        {
            await interrupted.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.RunAsync("ci.get_build", null, "Waiting", ct =>
            {
                ct.ThrowIfCancellationRequested();
                return Task.FromResult(new StepResult<string>("never", ""));
            }, interrupted.Token));
        }

        var resumed = new StepRecorder(_store, run.Id, await _store.StepsAsync(run.Id, Ct), _time);
        var build = await resumed.RunAsync("ci.trigger_build", new { commit = "e" }, "Build", _ => { calls++; return Task.FromResult(new StepResult<string>("build-2", "")); }, Ct);
        var waited = await resumed.RunAsync("ci.get_build", null, "Waiting", _ => Task.FromResult(new StepResult<string>("done", "Built")), Ct);

        Assert.Equal(("build-1", "done", 1), (build, waited, calls));
        var steps = (await _query.GetAsync(run.Id, Ct))!.Run.Steps;
        Assert.Equal([(1, "ci.trigger_build", StepStatus.Succeeded), (2, "ci.get_build", StepStatus.Succeeded)], steps.Select(s => (s.Sequence, s.Tool, s.Status)));
        Assert.Equal("Built", steps[1].Summary);
    }

    [Fact]
    public async Task StepRecorder_ToolThrows_StepFailedWithTheMessageAndRunSeesStepFailedException()
    {
        var run = await _store.QueueAsync(await PushAsync("f".PadRight(40, '6')), _app, DeploymentEngine.Workflow, Ct);
        var recorder = new StepRecorder(_store, run.Id, [], _time);

        var error = await Assert.ThrowsAsync<StepFailedException>(() => recorder.RunAsync<string>("values.set_image_tag", new { tag = "1.2" }, "Set tag",
            _ => throw new InvalidOperationException("chart/values.yaml does not exist on main"), Ct));

        Assert.Equal("values.set_image_tag: chart/values.yaml does not exist on main", error.Message);
        var step = Assert.Single((await _query.GetAsync(run.Id, Ct))!.Run.Steps);
        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.Equal("{\"tag\":\"1.2\"}", step.InputJson);
    }
}
