using System.ComponentModel;
using System.Diagnostics;

namespace GitOpsConsole.Sandbox.Ci;

/// <summary>How a step ended: its status and, when it ran to completion, its exit code.</summary>
internal sealed record StepOutcome(BuildStatus Status, int? ExitCode);

/// <summary>
/// Runs one step as <c>/bin/sh -c</c>, streaming stdout and stderr lines to the log. On timeout or
/// cancellation the whole process tree is killed, so a step's background children can't outlive it.
/// </summary>
internal static class StepRunner
{
    // After a kill, a grandchild that escaped into its own session could hold the pipes open; the
    // step does not wait for it longer than this.
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(2);

    public static async Task<StepOutcome> RunAsync(
        CiStep step, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        Action<string> log, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(step.Run);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // The clock starts before the process does, so everything the step prints happens within its timeout.
        using var timeout = new CancellationTokenSource(step.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            log($"cannot start /bin/sh: {ex.Message}");
            return new StepOutcome(BuildStatus.Failed, null);
        }
        process.StandardInput.Close();
        var readers = Task.WhenAll(PumpAsync(process.StandardOutput, log), PumpAsync(process.StandardError, log));

        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited on its own between the deadline and the kill.
            }
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAny(readers, Task.Delay(DrainLimit, CancellationToken.None));
            var timedOut = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            log(timedOut ? $"step '{step.Name}' timed out after {step.Timeout.TotalSeconds:0.###} s; killed its process tree" : $"step '{step.Name}' cancelled; killed its process tree");
            return new StepOutcome(timedOut ? BuildStatus.TimedOut : BuildStatus.Cancelled, null);
        }
        await Task.WhenAny(readers, Task.Delay(DrainLimit, CancellationToken.None));
        return new StepOutcome(process.ExitCode == 0 ? BuildStatus.Succeeded : BuildStatus.Failed, process.ExitCode);
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            log(line);
        }
    }
}
