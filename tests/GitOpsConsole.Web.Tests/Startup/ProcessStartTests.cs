using System.Diagnostics;

namespace GitOpsConsole.Web.Tests.Startup;

/// <summary>Starts the built console as its own process, as an operator would, and checks it refuses bad setups.</summary>
public class ProcessStartTests
{
    private static async Task<(int ExitCode, string Error)> StartAsync(params string[] args)
    {
        var data = Path.Combine(Path.GetTempPath(), "gitops-process-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GitOpsConsole.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add($"--GitOps:DataDirectory={data}");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The console did not refuse to start; output: {await stdout}");
        }

        Assert.False(Directory.Exists(data), "nothing may be created on disk before the configuration is accepted");
        return (process.ExitCode, await stderr);
    }

    [Fact]
    public async Task Start_LocalTrustOnAllInterfaces_ExitsWithClearMessage()
    {
        var (exitCode, error) = await StartAsync("--urls", "http://0.0.0.0:5080", "--GitOps:Auth:Mode=LocalTrust");

        Assert.Equal(2, exitCode);
        Assert.Contains("LocalTrust turns sign-in off and is only allowed while every binding is loopback", error, StringComparison.Ordinal);
        Assert.Contains("http://0.0.0.0:5080", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidOptionValue_ExitsNamingTheKey()
    {
        var (exitCode, error) = await StartAsync("--GitOps:Applications:0:Name=Not A Name");

        Assert.Equal(2, exitCode);
        Assert.Contains("GitOps:Applications:0:Name: 'Not A Name' must be a DNS label", error, StringComparison.Ordinal);
    }
}
