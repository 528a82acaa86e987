using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace GitOpsConsole.EndToEnd.Tests;

/// <summary>
/// The real console, started as `dotnet GitOpsConsole.Web.dll` from the repository root (so it reads
/// the product's appsettings.json) on a free loopback port with a throw-away data folder.
/// </summary>
public sealed class ConsoleProcess : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private readonly IReadOnlyList<string> _arguments;
    private readonly bool _ownsData;
    private Process? _process;

    public ConsoleProcess()
        : this(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gitops-e2e", Guid.NewGuid().ToString("N")), ownsData: true)
    {
    }

    /// <summary>A console on a data folder the caller owns (several consoles may share it), with extra <c>--key=value</c> arguments.</summary>
    internal ConsoleProcess(string dataDirectory, bool ownsData, params string[] arguments)
    {
        DataDirectory = dataDirectory;
        _ownsData = ownsData;
        _arguments = arguments;
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; private set; } = default!;

    public string AdminPassword { get; private set; } = "";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "GitOpsConsole.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.ArgumentList.Add($"--GitOps:DataDirectory={DataDirectory}");
        // Free ports, so a console already running on this machine does not collide.
        start.ArgumentList.Add("--GitOps:Sandbox:RegistryPort=0");
        start.ArgumentList.Add("--GitOps:Sandbox:KubernetesPort=0");
        start.ArgumentList.Add("--GitOps:Sandbox:PodStartupSeconds=0");
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
        AdminPassword = (await File.ReadAllTextAsync(System.IO.Path.Combine(DataDirectory, "initial-admin-password"))).Trim();
    }

    /// <summary>"leader" or "follower": this console's part in the leader election, as its <c>/readyz</c> names it.</summary>
    internal async Task<string?> RoleAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var report = JsonDocument.Parse(await http.GetStringAsync(new Uri("readyz", UriKind.Relative), cancellationToken));
        var description = report.RootElement.GetProperty("components").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "leadership").GetProperty("description").GetString();
        return description?.Split(' ')[0];
    }

    /// <summary>Ends the process at once, as a crashed pod or a lost node would: nothing is cleaned up or handed back.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Sends SIGTERM, as Kubernetes does when it deletes a pod: the console shuts down cleanly and hands its Lease back.
    /// Returns once the signal is sent; the process ends in its own time (or is killed on dispose).
    /// </summary>
    public async Task TerminateAsync()
    {
        if (_process is { HasExited: false })
        {
            using var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        if (_ownsData && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The console exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The console was not ready within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
