using System.Diagnostics;

namespace GitOpsConsole.Integrations.Tests.Git;

/// <summary>
/// The real <c>git</c> command line, playing "another developer". Global and system configuration
/// are ignored so the machine's settings cannot change what the tests see.
/// </summary>
internal static class GitCli
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            Run(Path.GetTempPath(), "--version");
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    /// <summary>Skips the test when git is missing, except under CI=true where that is a failure.</summary>
    public static void Require()
    {
        if (Available.Value)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("The git command line is required under CI=true but was not found.");
        }

        Assert.Skip("The git command line is not installed.");
    }

    public static string Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = "Other Developer";
        start.Environment["GIT_AUTHOR_EMAIL"] = "other@example.test";
        start.Environment["GIT_COMMITTER_NAME"] = "Other Developer";
        start.Environment["GIT_COMMITTER_EMAIL"] = "other@example.test";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }

        return output.Result;
    }
}
