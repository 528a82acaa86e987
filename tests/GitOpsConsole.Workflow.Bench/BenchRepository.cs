using System.Diagnostics;

namespace GitOpsConsole.Workflow.Bench;

/// <summary>A developer's clone of a sandbox repository, driven with plain git.</summary>
internal sealed class BenchRepository(string origin, string clone)
{
    /// <summary>A CI definition whose only step does nothing, so the bench measures the pipeline, not a build.</summary>
    public const string NoOpCi = """
        image:
          name: storefront
          tag: shortSha
        runtime: starts
        startupSeconds: 0
        steps:
          - name: noop
            run: "true"
            timeoutSeconds: 10

        """;

    public Task CloneAsync() => GitAsync(Path.GetDirectoryName(clone)!, "clone", "--quiet", origin, clone);

    public async Task CommitAsync(string path, string content, string message)
    {
        await GitAsync(clone, "pull", "--quiet", "--rebase", "origin", "main");
        await File.WriteAllTextAsync(Path.Combine(clone, path), content);
        await GitAsync(clone, "-c", "user.name=Bench", "-c", "user.email=bench@example.test", "commit", "--quiet", "-am", message);
    }

    public async Task<string> HeadAsync() => (await GitAsync(clone, "rev-parse", "HEAD")).Trim();

    public Task PushAsync() => GitAsync(clone, "push", "--quiet", "origin", "HEAD:main");

    private static async Task<string> GitAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
    }
}
