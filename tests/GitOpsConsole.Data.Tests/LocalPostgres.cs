using System.Net;
using System.Net.Sockets;
using GitOpsConsole.Tests;

namespace GitOpsConsole.Data.Tests;

/// <summary>
/// A throw-away PostgreSQL server: <c>initdb</c> into a temporary folder and <c>pg_ctl</c> on a free loopback
/// port, trust authentication, stopped and deleted afterwards. As root (initdb refuses root) it runs as the
/// <c>postgres</c> user. <see cref="Missing"/> says why it cannot run here.
/// </summary>
public sealed class LocalPostgres : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gitops-postgres", Guid.NewGuid().ToString("N"));
    private string? _bin;
    private int _port;

    /// <summary>Null when the server runs; otherwise the reason it does not (the tests skip with it).</summary>
    public string? Missing { get; private set; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=gitops;Database={database};Pooling=false";

    public async ValueTask InitializeAsync()
    {
        _bin = FindBinaries();
        if (_bin is null)
        {
            Missing = "PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql)";
            return;
        }

        Directory.CreateDirectory(_folder);
        _port = FreePort();
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres", _folder);
        }

        var data = Path.Combine(_folder, "data");
        await RunPostgresAsync("initdb", "-D", data, "-U", "gitops", "--auth=trust", "--encoding=UTF8", "--no-sync");
        await RunPostgresAsync("pg_ctl", "-D", data, "-w", "-t", "60", "-l", Path.Combine(_folder, "log"),
            "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    public async ValueTask DisposeAsync()
    {
        if (_bin is not null && Directory.Exists(Path.Combine(_folder, "data")))
        {
            await RunPostgresAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-w", "-m", "immediate", "stop");
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task RunPostgresAsync(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin!, tool), .. args])
            : RunAsync(Path.Combine(_bin!, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var result = await ToolProcess.RunAsync(file, null, args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {result.ExitCode}: {result.Error}{result.Output}");
        }
    }

    private static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(v => Path.Combine(v, "bin"))
                : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
