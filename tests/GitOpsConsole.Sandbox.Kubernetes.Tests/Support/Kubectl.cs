using System.Diagnostics;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

/// <summary>Runs the real kubectl against a test cluster; skips the test when kubectl is absent (fails under CI=true).</summary>
internal sealed class Kubectl(TestCluster cluster)
{
    private static readonly string[] WellKnown = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"];

    public static string Path
    {
        get
        {
            var candidates = WellKnown.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => System.IO.Path.Combine(d, "kubectl")));
            var found = candidates.FirstOrDefault(File.Exists);
            if (found is not null)
            {
                return found;
            }
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("kubectl is required under CI=true but was not found on PATH");
            }
            Assert.Skip("kubectl is not installed on this machine");
            return "";
        }
    }

    public async Task<KubectlResult> RunAsync(params string[] args) => await RunWithAsync(null, null, args);

    public async Task<KubectlResult> RunWithAsync(string? stdin, IDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(stdin is not null, environment, args);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish within 60 s");
        }
        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running kubectl (such as get -w) the caller reads and kills.</summary>
    public Process Start(bool redirectInput, IDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(cluster.Kubeconfig);
        info.ArgumentList.Add("--cache-dir");
        info.ArgumentList.Add(System.IO.Path.Combine(cluster.Directory, "kubectl-cache"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
    }
}

internal sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public KubectlResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"kubectl exited {ExitCode}: {Stderr}{Stdout}");
        return this;
    }
}
