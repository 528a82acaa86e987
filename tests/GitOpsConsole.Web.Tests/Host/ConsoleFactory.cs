using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GitOpsConsole.Web.Tests.Host;

/// <summary>The real console host on a throw-away data folder; settings override appsettings.json.</summary>
public sealed class ConsoleFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _keepData;

    public ConsoleFactory(params (string Key, string Value)[] settings)
        : this(Path.Combine(Path.GetTempPath(), "gitops-web-tests", Guid.NewGuid().ToString("N")), keepData: false, settings)
    {
    }

    /// <summary>A console on a given data folder; with <paramref name="keepData"/> the folder outlives it (restart tests).</summary>
    public ConsoleFactory(string dataDirectory, bool keepData, params (string Key, string Value)[] settings)
    {
        DataDirectory = dataDirectory;
        _keepData = keepData;
        _settings = [];
        foreach (var (key, value) in settings)
        {
            // Later settings win, so a test can override a helper's defaults.
            _settings[key] = value;
        }

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
        // Cancelled sandbox builds record their end a moment after the host stops; retry, then leave /tmp to the OS.
        for (var attempt = 0; !_keepData && attempt < 10 && Directory.Exists(DataDirectory); attempt++)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                await Task.Delay(100);
            }
        }
    }
}
