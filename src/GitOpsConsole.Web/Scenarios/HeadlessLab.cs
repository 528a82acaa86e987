using System.Diagnostics;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Core.Scenarios.Comparison;
using GitOpsConsole.Web.Startup;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>What a headless lab run produced: the report, the scenarios the lab could not play, and how long it all took.</summary>
public sealed record HeadlessResult(ScenarioReport Report, IReadOnlyList<string> NotPlayed, TimeSpan Elapsed);

/// <summary>
/// The whole console started in-process on a throw-away data folder (sandbox on free loopback ports, pods ready at
/// once, the Offline planner, no sign-in), used to play scenarios without a browser: the CLI's <c>compare</c> verb.
/// </summary>
public static class HeadlessLab
{
    /// <param name="names">Scenarios to play; empty plays every scenario file.</param>
    /// <exception cref="ArgumentException">A name matches no scenario file.</exception>
    public static async Task<HeadlessResult> RunAsync(IReadOnlyList<string> names, string? scenarioDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var data = Path.Combine(Path.GetTempPath(), "gitops-compare", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(HeadlessLab).Assembly.GetName().Name });
        builder.AddRootSettingsFallback();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0", ["GitOps:DataDirectory"] = data, ["GitOps:Auth:Mode"] = "LocalTrust",
            ["GitOps:Sandbox:Enabled"] = "true", ["GitOps:Sandbox:RegistryPort"] = "0", ["GitOps:Sandbox:KubernetesPort"] = "0",
            ["GitOps:Sandbox:PodStartupSeconds"] = "0", ["GitOps:Agent:Provider"] = "Offline", ["GitOps:Scenarios:Directory"] = scenarioDirectory,
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:GitOpsConsole.Web.Scenarios"] = "Information",
        });
        var startup = StartupGate.Check(builder.Configuration, Environment.CurrentDirectory);
        if (!startup.Succeeded)
        {
            throw new InvalidOperationException(startup.Describe());
        }

        builder.AddGitOpsConsole(startup.Options!, startup.DataDirectory!);
        var app = builder.Build();
        try
        {
            await app.PrepareStoreAsync();
            app.UseGitOpsConsole();
            await app.StartAsync(cancellationToken);
            var catalog = app.Services.GetRequiredService<ScenarioCatalog>();
            var unknown = names.Where(n => catalog.Find(n) is null).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException($"No scenario named {string.Join(", ", unknown)}; the files define {string.Join(", ", catalog.Scenarios.Select(s => s.Name))}.", nameof(names));
            }

            var clock = Stopwatch.StartNew();
            var chosen = names.Count == 0 ? catalog.Scenarios : [.. names.Select(n => catalog.Find(n)!)];
            var played = await app.Services.GetRequiredService<ScenarioLab>().PlayAllAsync(chosen, cancellationToken);
            var elapsed = clock.Elapsed;
            var report = await app.Services.GetRequiredService<ComparisonReader>().ReportAsync(played, DateTimeOffset.UtcNow, cancellationToken);
            await app.StopAsync(CancellationToken.None);
            return new HeadlessResult(report, [.. played.Where(p => p.Status != ScenarioRunStatus.Finished).Select(p => $"{p.Scenario}: {p.Error}")], elapsed);
        }
        finally
        {
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Builds cancelled at stop write their end a moment later; the temp folder is the OS's to clean then.
            }
        }
    }
}
