using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Agent;

/// <summary>
/// Questions in the store: every state change is one conditional update (<c>WHERE Status = Open</c>), so the first
/// answer wins against a second answer, the deadline and a withdrawal alike; saved before <see cref="QuestionFeed"/> is told.
/// </summary>
public sealed class QuestionStore(IDbContextFactory<GitOpsDbContext> dbFactory, QuestionFeed feed, AgentSettings settings, TimeProvider time) : IQuestionService
{
    private static readonly TimeSpan StoreRecheck = TimeSpan.FromSeconds(2);

    public async Task<(Question Question, bool Created)> AskAsync(QuestionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var asked = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.RunId == request.RunId && q.StepSequence == request.StepSequence, cancellationToken);
        if (asked is not null)
        {
            return (asked, false);
        }

        var question = QuestionRules.Create(request, time.GetUtcNow(), settings.QuestionTimeout);
        db.Questions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(new QuestionChange(question.RunId, question.Id, question.Status));
        return (question, true);
    }

    public async Task<Question> WaitAsync(Guid questionId, CancellationToken cancellationToken = default)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(c =>
        {
            if (c.QuestionId == questionId && c.Status != QuestionStatus.Open)
            {
                closed.TrySetResult();
            }
        });
        while (true)
        {
            var question = await GetAsync(questionId, cancellationToken) ?? throw new InvalidOperationException($"Question {questionId} does not exist.");
            if (question.Status != QuestionStatus.Open)
            {
                return question;
            }

            var left = question.ExpiresAt - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                await ExpireAsync(question, cancellationToken);
                continue;
            }

            // The feed only carries answers given on this replica; one given on another replica is only in the shared store.
            await Task.WhenAny(closed.Task, Task.Delay(left < StoreRecheck ? left : StoreRecheck, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async Task<AnswerOutcome> AnswerAsync(Guid questionId, string? answer, string answeredBy, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(questionId, cancellationToken) is not { } question)
        {
            return new AnswerOutcome(AnswerResult.UnknownQuestion, $"There is no question {questionId}.", null);
        }

        var now = time.GetUtcNow();
        var (accepted, refusal) = QuestionRules.Check(question, answer, now);
        if (refusal is not null)
        {
            return refusal;
        }

        var who = string.IsNullOrWhiteSpace(answeredBy) ? "unknown user" : answeredBy.Length <= 128 ? answeredBy : answeredBy[..128];
        if (!await CloseAsync(questionId, QuestionStatus.Answered, accepted!, who, now, cancellationToken))
        {
            var current = (await GetAsync(questionId, cancellationToken))!;
            return new AnswerOutcome(AnswerResult.Conflict, QuestionRules.Closed(current), current);
        }

        var answered = (await GetAsync(questionId, cancellationToken))!;
        feed.Publish(new QuestionChange(answered.RunId, answered.Id, answered.Status));
        return new AnswerOutcome(AnswerResult.Accepted, $"Answered '{accepted}'.", answered);
    }

    public async Task<int> WithdrawAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.Questions.Where(q => q.RunId == runId && q.Status == QuestionStatus.Open).Select(q => q.Id).ToListAsync(cancellationToken);
        var closed = await db.Questions.Where(q => q.RunId == runId && q.Status == QuestionStatus.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(q => q.Status, QuestionStatus.Withdrawn), cancellationToken);
        foreach (var id in open)
        {
            feed.Publish(new QuestionChange(runId, id, QuestionStatus.Withdrawn));
        }

        return closed;
    }

    public async Task<IReadOnlyList<Question>> OpenAsync(Guid? runId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = db.Questions.AsNoTracking().Where(q => q.Status == QuestionStatus.Open);
        if (runId is { } id)
        {
            open = open.Where(q => q.RunId == id);
        }

        return await open.OrderBy(q => q.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Question>> OfRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Questions.AsNoTracking().Where(q => q.RunId == runId).OrderBy(q => q.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>The application name of each run, for lists that show questions of many runs.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ApplicationsOfRunsAsync(IEnumerable<Guid> runIds, CancellationToken cancellationToken = default)
    {
        var ids = runIds.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Application!.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
    }

    public async Task<Question?> GetAsync(Guid questionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId, cancellationToken);
    }

    /// <summary>The deadline passed: the default is taken (unless an answer got in first).</summary>
    private async Task ExpireAsync(Question question, CancellationToken cancellationToken)
    {
        if (await CloseAsync(question.Id, QuestionStatus.Expired, question.DefaultAnswer, QuestionRules.TimeoutAnswerer, question.ExpiresAt, cancellationToken))
        {
            feed.Publish(new QuestionChange(question.RunId, question.Id, QuestionStatus.Expired));
        }
    }

    private async Task<bool> CloseAsync(Guid questionId, QuestionStatus status, string answer, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Questions.Where(q => q.Id == questionId && q.Status == QuestionStatus.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(q => q.Status, status).SetProperty(q => q.Answer, answer)
                .SetProperty(q => q.AnsweredBy, by).SetProperty(q => q.AnsweredAt, at), cancellationToken) == 1;
    }
}
