using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GitOpsConsole.Data.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add … --project src/GitOpsConsole.Data.PostgreSql</c> build the model for
/// PostgreSQL. Adding a migration never connects, so the connection string only has to parse.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GitOpsDbContext>
{
    public GitOpsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<GitOpsDbContext>();
        DatabaseStore.ConfigurePostgreSql(builder, "Host=localhost;Database=gitops_console_design");
        return new GitOpsDbContext(builder.Options);
    }
}
