using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Agent;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Relay;

/// <summary>
/// Questions asked and closed (answered, expired, withdrawn), and instructions sent or read, as <see cref="QuestionChange"/>s.
/// Open questions and unread instructions are followed until they close.
/// </summary>
public sealed class QuestionRelay(QuestionFeed feed) : IFeedRelay
{
    private HashSet<Guid> _open = [];
    private DateTimeOffset? _newestQuestion;
    private HashSet<long> _unread = [];
    private long _lastInstruction;

    public async Task PrimeAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        _open = [.. await db.Questions.Where(q => q.Status == QuestionStatus.Open).Select(q => q.Id).ToListAsync(cancellationToken)];
        _newestQuestion = await db.Questions.Select(q => (DateTimeOffset?)q.CreatedAt).MaxAsync(cancellationToken);
        _unread = [.. await db.Instructions.Where(i => i.ReadAt == null).Select(i => i.Id).ToListAsync(cancellationToken)];
        _lastInstruction = await db.Instructions.Select(i => (long?)i.Id).MaxAsync(cancellationToken) ?? 0;
    }

    public async Task PollAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        List<Guid> open = [.. _open];
        var query = _newestQuestion is { } newest
            ? db.Questions.Where(q => q.Status == QuestionStatus.Open || open.Contains(q.Id) || q.CreatedAt > newest)
            : db.Questions;
        var questions = await query.AsNoTracking().Select(q => new { q.Id, q.RunId, q.Status, q.CreatedAt }).ToListAsync(cancellationToken);
        var stillOpen = new HashSet<Guid>();
        foreach (var q in questions)
        {
            // New, or closed since the last look (every question followed was open).
            if (!_open.Contains(q.Id) || q.Status != QuestionStatus.Open)
            {
                feed.Publish(new QuestionChange(q.RunId, q.Id, q.Status));
            }

            if (q.Status == QuestionStatus.Open)
            {
                stillOpen.Add(q.Id);
            }

            _newestQuestion = _newestQuestion is null || q.CreatedAt > _newestQuestion ? q.CreatedAt : _newestQuestion;
        }

        _open = stillOpen;
        List<long> unread = [.. _unread];
        var instructions = await db.Instructions.AsNoTracking().Where(i => i.Id > _lastInstruction || unread.Contains(i.Id))
            .Select(i => new { i.Id, i.RunId, i.ReadAt }).ToListAsync(cancellationToken);
        foreach (var i in instructions.Where(i => i.Id > _lastInstruction || i.ReadAt is not null))
        {
            feed.Publish(new QuestionChange(i.RunId, null, null));
        }

        _unread = [.. instructions.Where(i => i.ReadAt is null).Select(i => i.Id)];
        _lastInstruction = instructions.Select(i => i.Id).Append(_lastInstruction).Max();
    }
}
