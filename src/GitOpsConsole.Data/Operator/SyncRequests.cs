using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Operator;

/// <summary>Syncs asked for on a follower, run by the leader (see <see cref="SyncRequest"/>).</summary>
public sealed class SyncRequests(IDbContextFactory<GitOpsDbContext> dbFactory, TimeProvider time)
{
    public async Task<SyncRequest> AddAsync(int applicationId, string? revision, string initiatedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = new SyncRequest
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), ApplicationId = applicationId, Revision = revision, InitiatedBy = initiatedBy, RequestedAt = time.GetUtcNow(),
        };
        db.SyncRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    public async Task<SyncRequest?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SyncRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>Claims the requests no leader has started yet, oldest first: each is handed out once.</summary>
    public async Task<IReadOnlyList<SyncRequest>> ClaimAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One leader claims at a time, so the claim's own start time marks what this claim took.
        var now = time.GetUtcNow();
        if (await db.SyncRequests.Where(r => r.StartedAt == null).ExecuteUpdateAsync(u => u.SetProperty(r => r.StartedAt, now), cancellationToken) == 0)
        {
            return [];
        }

        return await db.SyncRequests.AsNoTracking().Where(r => r.StartedAt == now).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
    }

    public const int MessageLength = 4000;

    public async Task FinishAsync(Guid id, bool succeeded, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        message = message.Length <= MessageLength ? message : message[..(MessageLength - 1)] + "…";
        await db.SyncRequests.Where(r => r.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Succeeded, succeeded).SetProperty(r => r.Message, message), cancellationToken);
    }
}
