using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GitOpsConsole.Web.Tests.Host;

/// <summary>The real console host on a throw-away data folder; settings override appsettings.json.</summary>
public sealed class ConsoleFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ConsoleFactory(params (string Key, string Value)[] settings)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "gitops-web-tests", Guid.NewGuid().ToString("N"));
        _settings = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        _settings["GitOps:DataDirectory"] = DataDirectory;
        _settings.TryAdd("GitOps:Sandbox:Enabled", "false");
    }

    public string DataDirectory { get; }

    public string AdminPassword => File.ReadAllText(Path.Combine(DataDirectory, "initial-admin-password")).Trim();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
