using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GitOpsConsole.Data.Tests;

/// <summary>A migrated SQLite file in its own temporary folder, deleted afterwards.</summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "gitops-data-tests", Guid.NewGuid().ToString("N"));

    public IDbContextFactory<GitOpsDbContext> Factory { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var options = new DbContextOptionsBuilder<GitOpsDbContext>();
        SqliteStore.Configure(options, Directory);
        Factory = new PooledDbContextFactory<GitOpsDbContext>(options.Options);
        await SqliteStore.MigrateAsync(Factory, CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
