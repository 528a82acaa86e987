using Bunit;
using GitOpsConsole.Data;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Auditing;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Data.Operator;
using GitOpsConsole.Data.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace GitOpsConsole.Web.Tests.Components;

/// <summary>bUnit with MudBlazor's services, loose JS interop and a real migrated SQLite store.</summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gitops-bunit", Guid.NewGuid().ToString("N"));

    protected IDbContextFactory<GitOpsDbContext> Store { get; private set; } = default!;

    public virtual async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Store = SqliteStore.CreateFactory(_directory);
        await SqliteStore.MigrateAsync(Store, CancellationToken.None);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton(Store);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<AuditFeed>();
        Services.AddSingleton<AuditQuery>();
        Services.AddSingleton<ApplicationCatalog>();
        Services.AddSingleton<EventFeed>();
        Services.AddSingleton<EventQuery>();
        Services.AddSingleton<EventStore>();
        Services.AddSingleton<ApplicationStatusFeed>();
        Services.AddSingleton<GitOpsConsole.Data.Drift.DriftFeed>();
        Services.AddSingleton<GitOpsConsole.Data.Drift.DriftStore>();
        Services.AddSingleton<RunFeed>();
        Services.AddSingleton<RunQuery>();
        Services.AddSingleton<RunStore>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
