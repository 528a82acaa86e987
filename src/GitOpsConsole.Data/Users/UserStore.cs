using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Users;

/// <summary>Persistence of console users. Hashing and sign-in rules live with the web host.</summary>
public sealed class UserStore(IDbContextFactory<GitOpsDbContext> dbFactory)
{
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a user; false when the name is taken.</summary>
    public async Task<bool> TryAddAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.UserName == user.UserName, cancellationToken))
        {
            return false;
        }

        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Applies a change to one user; false when the user does not exist.</summary>
    public async Task<bool> UpdateAsync(string userName, Action<UserAccount> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            return false;
        }

        change(user);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.UserName == userName).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task<int> CountAdminsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.CountAsync(u => u.Role == UserRole.Admin, cancellationToken);
    }
}
