using System.ComponentModel;
using System.Diagnostics;
using GitOpsConsole.Helm;

namespace GitOpsConsole.Integrations.Rendering;

/// <summary>Runs the helm binary once and collects what it printed; a timeout or cancellation kills it.</summary>
internal static class HelmProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static async Task<Outcome> RunAsync(string executable, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new ChartRenderException($"the helm binary '{executable}' could not be started ({ex.Message}); install helm, set GitOps:HelmPath, or use GitOps:Renderer=Builtin", ex);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return new Outcome(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the deadline and the kill; nothing left to stop.
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw new ChartRenderException($"helm template did not finish within {timeout.TotalSeconds:0} s and was stopped");
        }
    }
}
