namespace GitOpsConsole.Core.Runs;

/// <summary>
/// The trailers the console puts on every commit a run makes. They make a retried step find its earlier
/// commit, and let ingestion recognise the console's own pushes so a deploy commit never starts another run.
/// </summary>
public static class RunTrailers
{
    public const string Run = "GitOps-Run";
    public const string Step = "GitOps-Step";

    /// <summary>The run id named by a <c>GitOps-Run:</c> trailer line of the message, or null.</summary>
    public static string? RunOf(string? message) =>
        message?.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.StartsWith(Run + ":", StringComparison.Ordinal))
            .Select(line => line[(Run.Length + 1)..].Trim())
            .LastOrDefault();
}
