using System.Text.RegularExpressions;
using GitOpsConsole.Tests;

namespace GitOpsConsole.EndToEnd.Tests;

/// <summary>Plain git against the console's sandbox Git host: clone a seeded application, commit, push.</summary>
internal static class SandboxGit
{
    public static async Task<string> CloneAsync(ConsoleProcess console, string app)
    {
        var work = Path.Combine(console.DataDirectory, "e2e-work", $"{app}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(work)!);
        await RunAsync(console.DataDirectory, "clone", Path.Combine(console.DataDirectory, "sandbox", "git", $"{app}.git"), work);
        return work;
    }

    /// <summary>
    /// Sets what the next image does when it runs (<c>starts</c>, <c>crash</c>, <c>unready</c>) in the clone's
    /// <c>.gitops-ci.yaml</c>. Always set: an earlier push may have left the repository building crashing images.
    /// </summary>
    public static async Task SetRuntimeAsync(string work, string runtime)
    {
        var path = Path.Combine(work, ".gitops-ci.yaml");
        var definition = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(path, Regex.Replace(definition, @"(?m)^runtime: \w+", $"runtime: {runtime}"), TestContext.Current.CancellationToken);
    }

    /// <summary>Commits everything changed in <paramref name="work"/>, pushes it to main and returns the commit.</summary>
    public static async Task<string> CommitAndPushAsync(string work, string message)
    {
        await RunAsync(work, "-c", "user.name=E2E Dev", "-c", "user.email=e2e@example.test", "commit", "-am", message);
        var sha = (await RunAsync(work, "rev-parse", "HEAD")).Trim();
        await RunAsync(work, "push", "origin", "HEAD:main");
        return sha;
    }

    private static async Task<string> RunAsync(string workingDirectory, params string[] args)
    {
        var result = await ToolProcess.RunAsync("git", workingDirectory, args);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)}: {result.Error}");
        return result.Output;
    }
}
