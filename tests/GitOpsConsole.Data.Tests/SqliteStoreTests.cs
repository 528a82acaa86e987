using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Tests;

public class SqliteStoreTests
{
    [Fact]
    public async Task MigrateAsync_NewFolder_AppliesEveryMigrationAndSwitchesToWal()
    {
        await using var database = new SqliteDatabase();
        await database.InitializeAsync();

        await using var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal("wal", Assert.Single(mode));
        Assert.True(File.Exists(Path.Combine(database.Directory, SqliteStore.FileName)));
    }

    [Fact]
    public async Task MigrateAsync_SecondTime_KeepsData()
    {
        await using var database = new SqliteDatabase();
        await database.InitializeAsync();
        await using (var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.Users.Add(new Core.Domain.UserAccount { UserName = "ana", PasswordHash = "x", CreatedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await SqliteStore.MigrateAsync(database.Factory, TestContext.Current.CancellationToken);

        await using var again = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal("ana", (await again.Users.SingleAsync(TestContext.Current.CancellationToken)).UserName);
    }
}
