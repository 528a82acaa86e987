using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Startup;

internal static partial class StorePreparation
{
    /// <summary>Migrates the database, mirrors the declared applications and makes sure someone can sign in.</summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
        var services = app.Services;
        var lifetime = app.Lifetime.ApplicationStopping;
        await DatabaseStore.MigrateAsync(services.GetRequiredService<IDbContextFactory<GitOpsDbContext>>(), lifetime);

        var declared = services.GetRequiredService<IOptions<GitOpsOptions>>().Value.Applications;
        var result = await services.GetRequiredService<ApplicationCatalog>().SyncAsync(declared, lifetime);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("GitOpsConsole.Startup");
        if (result.Changed)
        {
            await services.GetRequiredService<IAuditLog>().RecordAsync(new AuditRecord(
                "configuration", ActorKind.System, AuditActions.ApplicationsSynced, "GitOps:Applications",
                Detail: $"added: {Join(result.Added)}; updated: {Join(result.Updated)}"), lifetime);
        }

        if (result.NoLongerDeclared.Count > 0)
        {
            LogUndeclared(logger, string.Join(", ", result.NoLongerDeclared));
        }

        if (services.GetRequiredService<IOptions<GitOpsOptions>>().Value.Sandbox.Enabled)
        {
            // Before the engines and the operator start: old twins retired, the kept ones known again.
            await services.GetRequiredService<Scenarios.TwinCleanup>().PrepareAsync(lifetime);
        }

        await services.GetRequiredService<InitialAdmin>().EnsureAsync(lifetime);
    }

    private static string Join(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applications in the store are no longer in configuration and are kept for their history: {Names}")]
    private static partial void LogUndeclared(ILogger logger, string names);
}
