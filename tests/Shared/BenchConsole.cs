using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GitOpsConsole.Bench;

/// <summary>The real console binary for bench programs: its own process on a free loopback port and a throw-away data folder.</summary>
internal static class BenchConsole
{
    /// <summary>Starts <c>dotnet GitOpsConsole.Web.dll</c> from the bench's output folder with LocalTrust and the given settings.</summary>
    public static Process Start(Uri address, string data, params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "GitOpsConsole.Web.dll"), "--urls", address.ToString().TrimEnd('/'),
            $"--GitOps:DataDirectory={data}", "--GitOps:Auth:Mode=LocalTrust", "--Logging:LogLevel:Default=Warning",
        }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitReadyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri("readyz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the console did not become ready");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
