using System.Text.Json.Serialization;
using GitOpsConsole.Core.Auditing;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Data;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Auditing;
using GitOpsConsole.Data.Users;
using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.Components.Layout;
using GitOpsConsole.Web.Health;
using GitOpsConsole.Web.Ingestion;
using GitOpsConsole.Web.Operator;
using GitOpsConsole.Web.Runs;
using GitOpsConsole.Web.Sandbox;
using GitOpsConsole.Web.Scenarios;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace GitOpsConsole.Web.Startup;

internal static class ServiceRegistration
{
    public static void AddGitOpsConsole(this WebApplicationBuilder builder, GitOpsOptions options, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var services = builder.Services;
        // The instance the start-up gate bound and validated, not a second binding of the same section.
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(new DataPaths(dataDirectory));
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<FeedFailureLog>();

        services.AddPooledDbContextFactory<GitOpsDbContext>(db => DatabaseStore.Configure(db, options.Database, dataDirectory));
        services.AddSingleton<AuditFeed>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<AuditQuery>();
        services.AddSingleton<ApplicationCatalog>();
        services.AddSingleton<Applications.ApplicationRegistration>();
        services.AddSingleton<UserStore>();

        // Keys live with the data, so sign-in cookies survive restarts and each data folder is its own world.
        services.AddDataProtection()
            .SetApplicationName("GitOpsConsole")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        services.AddConsoleAuthentication(options.Auth);
        services.AddReadiness();
        services.AddSandbox(dataDirectory);
        Leadership.LeadershipRegistration.AddLeadership(services);
        services.AddIngestion();
        services.AddEmbeddedOperator(dataDirectory);
        services.AddRuns();
        services.AddScenarioLab();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton(_ =>
        {
            var appBar = new AppBarItems();
            appBar.Add<Components.Agent.QuestionsDrawer>();
            return appBar;
        });
        services.AddProblemDetails();
        OpenApi.OpenApiRegistration.AddConsoleOpenApi(services);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Serve MudBlazor's and our assets from build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
    }
}
