using GitOpsConsole.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitOpsConsole.Web.Health;

/// <summary>The store answers and every checked-in migration is applied.</summary>
internal sealed class DatabaseReadinessCheck(IDbContextFactory<GitOpsDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy($"cannot open the {Provider(db)} database");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
        var data = new Dictionary<string, object> { ["appliedMigrations"] = applied, ["pendingMigrations"] = pending.Count };
        return pending.Count == 0
            ? HealthCheckResult.Healthy($"{Provider(db)}, {applied} migrations applied", data)
            : HealthCheckResult.Unhealthy($"{pending.Count} migrations pending: {string.Join(", ", pending)}", data: data);
    }

    private static string Provider(GitOpsDbContext db) => db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
}
