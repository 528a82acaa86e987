using GitOpsConsole.Tests;

namespace GitOpsConsole.Web.Tests.Host;

/// <summary>What tests against the console with its sandbox need: the factory, plain git, and waiting for a condition.</summary>
public static class SandboxTestKit
{
    /// <summary>A console with its sandbox on free ports and pods that start at once.</summary>
    public static ConsoleFactory WithSandbox(params (string Key, string Value)[] extra) => new(
        [("GitOps:Sandbox:Enabled", "true"), ("GitOps:Sandbox:RegistryPort", "0"), ("GitOps:Sandbox:KubernetesPort", "0"), ("GitOps:Sandbox:PodStartupSeconds", "0"), .. extra]);

    /// <summary>Runs git and returns its standard output; a non-zero exit fails the test with git's error.</summary>
    public static Task<string> GitAsync(string workingDirectory, params string[] args) => RunToolAsync("git", workingDirectory, args);

    /// <summary>Runs a tool (git, kubectl) and returns its standard output; a non-zero exit fails the test with its error.</summary>
    public static async Task<string> RunToolAsync(string tool, string? workingDirectory, params string[] args)
    {
        var result = await ToolProcess.RunAsync(tool, workingDirectory, args, TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"{Path.GetFileName(tool)} {string.Join(' ', args)}: {result.Error}");
        return result.Output;
    }

    /// <summary>
    /// The path of an external tool on PATH; when it is missing the test is skipped with the reason, or fails
    /// under <c>CI=true</c> (CI installs it).
    /// </summary>
    public static string RequireTool(string tool, string package)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            var reason = $"{tool} not found on PATH (install {package})";
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", reason);
            Assert.Skip(reason);
        }

        return path;
    }

    /// <summary>The repository's root folder (the one holding GitOpsConsole.sln), found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GitOpsConsole.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No GitOpsConsole.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Polls <paramref name="probe"/> until it returns a value, failing the test after <paramref name="timeout"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what}: not within {timeout}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
