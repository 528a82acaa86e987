using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Data.Runs;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Relay;

/// <summary>
/// New runs and changes of active ones (status, a step added or finished) as <see cref="RunChange"/>s. Runs carry no
/// update time, so each active run's signature is compared; a run is followed until it ends.
/// </summary>
public sealed class RunRelay(RunFeed feed) : IFeedRelay
{
    private Dictionary<Guid, RunSignature> _active = [];
    private DateTimeOffset? _newest;

    public async Task PrimeAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        _newest = await db.Runs.Select(r => (DateTimeOffset?)r.CreatedAt).MaxAsync(cancellationToken);
        _active = (await ReadAsync(db, [], _newest, cancellationToken)).ToDictionary(r => r.Id);
    }

    public async Task PollAsync(GitOpsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await ReadAsync(db, [.. _active.Keys], _newest, cancellationToken);
        var next = new Dictionary<Guid, RunSignature>();
        foreach (var row in rows)
        {
            if (!_active.TryGetValue(row.Id, out var before) || before != row)
            {
                feed.Publish(new RunChange(row.Id, row.Application, row.Status));
            }

            if (RunStore.Active.Contains(row.Status))
            {
                next[row.Id] = row;
            }

            _newest = _newest is null || row.CreatedAt > _newest ? row.CreatedAt : _newest;
        }

        _active = next;
    }

    // Active runs, the ones followed so far (to see them end) and any created since the last look (even if already over).
    private static Task<List<RunSignature>> ReadAsync(GitOpsDbContext db, List<Guid> followed, DateTimeOffset? newerThan, CancellationToken cancellationToken)
    {
        var query = newerThan is { } newest
            ? db.Runs.Where(r => RunStore.Active.Contains(r.Status) || followed.Contains(r.Id) || r.CreatedAt > newest)
            : db.Runs.Where(r => RunStore.Active.Contains(r.Status) || followed.Contains(r.Id));
        return query.AsNoTracking()
            .Select(r => new RunSignature(r.Id, r.Application!.Name, r.Status, r.CreatedAt, r.Steps.Count,
                r.Steps.Count(s => s.Status == StepStatus.Running), r.Steps.Count(s => s.FinishedAt != null), r.QuestionsAsked))
            .ToListAsync(cancellationToken);
    }

    private sealed record RunSignature(Guid Id, string Application, RunStatus Status, DateTimeOffset CreatedAt, int Steps, int Running, int Finished, int Questions);
}
