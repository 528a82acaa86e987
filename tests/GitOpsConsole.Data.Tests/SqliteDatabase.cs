using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Tests;

/// <summary>A migrated SQLite file in its own temporary folder, deleted afterwards.</summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "gitops-data-tests", Guid.NewGuid().ToString("N"));

    public IDbContextFactory<GitOpsDbContext> Factory { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Factory = SqliteStore.CreateFactory(Directory);
        await SqliteStore.MigrateAsync(Factory, CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
