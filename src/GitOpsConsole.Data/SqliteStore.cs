using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GitOpsConsole.Data;

/// <summary>How the console opens and prepares its SQLite database.</summary>
public static class SqliteStore
{
    public const string FileName = "gitops-console.db";

    public static string ConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, FileName),
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = 30,
    }.ToString();

    public static void Configure(DbContextOptionsBuilder builder, string dataDirectory) =>
        builder.UseSqlite(ConnectionString(dataDirectory));

    /// <summary>A pooled factory over the store in a folder, for tools and tests that have no DI container.</summary>
    public static IDbContextFactory<GitOpsDbContext> CreateFactory(string dataDirectory)
    {
        var options = new DbContextOptionsBuilder<GitOpsDbContext>();
        Configure(options, dataDirectory);
        return new PooledDbContextFactory<GitOpsDbContext>(options.Options);
    }

    /// <summary>Applies pending migrations and switches the file to WAL, so readers (the UI) never wait on the writers.</summary>
    public static Task MigrateAsync(IDbContextFactory<GitOpsDbContext> factory, CancellationToken cancellationToken) =>
        DatabaseStore.MigrateAsync(factory, cancellationToken);
}
