using System.Diagnostics;

namespace GitOpsConsole.Tests;

/// <summary>What a command-line tool (git, kubectl, initdb) printed and how it exited.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error);

/// <summary>Runs a real command-line tool the way tests and fixtures need it: arguments unquoted, both streams read.</summary>
public static class ToolProcess
{
    public static async Task<ToolResult> RunAsync(string tool, string? workingDirectory, IEnumerable<string> args, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new ToolResult(process.ExitCode, await output, error);
    }
}
