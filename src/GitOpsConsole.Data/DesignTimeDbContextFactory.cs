using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GitOpsConsole.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GitOpsDbContext>
{
    public GitOpsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<GitOpsDbContext>();
        SqliteStore.Configure(builder, Path.GetTempPath());
        return new GitOpsDbContext(builder.Options);
    }
}
