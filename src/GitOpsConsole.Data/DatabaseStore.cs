using GitOpsConsole.Core.Configuration;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data;

/// <summary>
/// Opens the store <c>GitOps:Database</c> names: SQLite under the data directory (default), or PostgreSQL when
/// several replicas share it. One model; each provider has its own checked-in migrations (PostgreSQL's in
/// <c>GitOpsConsole.Data.PostgreSql</c>, generated from the same model).
/// </summary>
public static class DatabaseStore
{
    public const string PostgreSqlMigrationsAssembly = "GitOpsConsole.Data.PostgreSql";

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            ConfigurePostgreSql(builder, options.ConnectionString!);
        }
        else
        {
            SqliteStore.Configure(builder, dataDirectory);
        }
    }

    public static void ConfigurePostgreSql(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
    }

    /// <summary>
    /// Applies pending migrations (EF Core holds a database-wide lock meanwhile, so replicas starting together
    /// migrate once) and, on SQLite, switches the file to WAL.
    /// </summary>
    public static async Task MigrateAsync(IDbContextFactory<GitOpsDbContext> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
