using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Agent;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Runs;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Data.Tests;

/// <summary>Questions in real SQLite: asked once per step, first answer wins, the default at the deadline, withdrawal; instructions read once.</summary>
public class QuestionStoreTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly QuestionFeed _feed = new();
    private QuestionStore _store = default!;
    private Run _run = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        var settings = AgentSettings.From(new AgentOptions { QuestionTimeoutMinutes = 30 });
        _store = new QuestionStore(_database.Factory, _feed, settings, _time);
        var catalog = new ApplicationCatalog(_database.Factory, _time);
        await catalog.SyncAsync([new ApplicationOptions { Name = "payments", Environment = "prod", Repository = "sandbox:payments" }], Ct);
        var app = (await catalog.ListAsync(Ct)).Single();
        var trigger = new TriggerEvent { Id = Guid.NewGuid(), Kind = TriggerKind.Push, Source = "sandbox", DeliveryId = "d1", CommitSha = new string('a', 40), ApplicationName = app.Name, Decision = EventDecision.Accepted };
        await using (var db = await _database.Factory.CreateDbContextAsync(Ct))
        {
            db.TriggerEvents.Add(trigger);
            await db.SaveChangesAsync(Ct);
        }

        _run = await new RunStore(_database.Factory, new RunFeed(), _time).QueueAsync(trigger, app, DeploymentEngine.Agent, Ct);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AskAsync_SameRunAndStepTwice_ReturnsTheFirstQuestion()
    {
        var (first, created) = await _store.AskAsync(QuestionRequest.Approval(_run.Id, 2, "Approve?"), Ct);
        var (again, createdAgain) = await _store.AskAsync(QuestionRequest.Approval(_run.Id, 2, "Approve?"), Ct);

        Assert.Equal((true, false, first.Id), (created, createdAgain, again.Id));
        Assert.Equal(_time.GetUtcNow().AddMinutes(30), first.ExpiresAt);
        Assert.Single(await _store.OpenAsync(_run.Id, Ct));
    }

    [Fact]
    public async Task AnswerAsync_SecondAnswer_IsAConflictAndTheFirstStands()
    {
        var (question, _) = await _store.AskAsync(QuestionRequest.Approval(_run.Id, 1, "Approve?"), Ct);
        var waiting = _store.WaitAsync(question.Id, Ct);

        var first = await _store.AnswerAsync(question.Id, "approve", "alice", Ct);
        var second = await _store.AnswerAsync(question.Id, "reject", "bob", Ct);
        var answered = await waiting;

        Assert.Equal(AnswerResult.Accepted, first.Result);
        Assert.Equal(AnswerResult.Conflict, second.Result);
        Assert.Contains("already answered 'approve' by alice", second.Message, StringComparison.Ordinal);
        Assert.Equal((QuestionStatus.Answered, "approve", "alice"), (answered.Status, answered.Answer, answered.AnsweredBy));
        Assert.Empty(await _store.OpenAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task WaitAsync_DeadlinePasses_TakesTheDefaultAndALateAnswerIsRefused()
    {
        var (question, _) = await _store.AskAsync(QuestionRequest.Approval(_run.Id, 1, "Approve?"), Ct);
        var waiting = _store.WaitAsync(question.Id, Ct);

        _time.Advance(TimeSpan.FromMinutes(31));
        var expired = await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var late = await _store.AnswerAsync(question.Id, "approve", "alice", Ct);

        Assert.Equal((QuestionStatus.Expired, "reject", QuestionRules.TimeoutAnswerer), (expired.Status, expired.Answer, expired.AnsweredBy));
        Assert.Equal(AnswerResult.Conflict, late.Result);
        Assert.Contains("expired", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_UnknownOrInvalid_SaysWhyAndLeavesTheQuestionOpen()
    {
        var (question, _) = await _store.AskAsync(QuestionRequest.Approval(_run.Id, 1, "Approve?"), Ct);

        var unknown = await _store.AnswerAsync(Guid.NewGuid(), "approve", "alice", Ct);
        var invalid = await _store.AnswerAsync(question.Id, "maybe", "alice", Ct);

        Assert.Equal(AnswerResult.UnknownQuestion, unknown.Result);
        Assert.Equal(AnswerResult.Invalid, invalid.Result);
        Assert.Single(await _store.OpenAsync(_run.Id, Ct));
    }

    [Fact]
    public async Task WithdrawAsync_OpenQuestions_AreClosedAndAnswersRefused()
    {
        var (question, _) = await _store.AskAsync(new QuestionRequest(_run.Id, 1, "Which tag?", ["v1", "v2"], null, false), Ct);

        var withdrawn = await _store.WithdrawAsync(_run.Id, Ct);
        var answer = await _store.AnswerAsync(question.Id, "v1", "alice", Ct);

        Assert.Equal(1, withdrawn);
        Assert.Equal(AnswerResult.Conflict, answer.Result);
        Assert.Equal(QuestionStatus.Withdrawn, (await _store.GetAsync(question.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Instructions_SentToARun_AreTakenOnceInOrder()
    {
        var inbox = new InstructionStore(_database.Factory, _feed, _time);

        var empty = await inbox.SendAsync(_run.Id, "  ", "alice", Ct);
        await inbox.SendAsync(_run.Id, "wait until 17:00", "alice", Ct);
        await inbox.SendAsync(_run.Id, "skip the rollout", "bob", Ct);
        var taken = await inbox.TakeUnreadAsync(_run.Id, Ct);
        var again = await inbox.TakeUnreadAsync(_run.Id, Ct);

        Assert.Equal("The instruction is empty.", empty.Error);
        Assert.Equal(["wait until 17:00", "skip the rollout"], taken.Select(i => i.Text));
        Assert.Empty(again);
        Assert.All(await inbox.OfRunAsync(_run.Id, Ct), i => Assert.NotNull(i.ReadAt));
    }
}
