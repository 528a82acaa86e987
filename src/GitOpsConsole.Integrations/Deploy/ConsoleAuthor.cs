using GitOpsConsole.Core.Runs;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Deploy;

/// <summary>Who the console's commits are by, and the trailers that tie each one to its run and step.</summary>
internal static class ConsoleAuthor
{
    public static readonly GitSignature Signature = new("GitOps Console", "gitops-console@localhost");

    public static IReadOnlyList<GitTrailer> Trailers(RunStepKey step) =>
        [new(RunTrailers.Run, step.RunId.ToString()), new(RunTrailers.Step, step.Step)];

    public static GitChangeOutcome Outcome(GitWriteOutcome outcome) => outcome switch
    {
        GitWriteOutcome.Committed => GitChangeOutcome.Committed,
        GitWriteOutcome.AlreadyDone => GitChangeOutcome.AlreadyDone,
        _ => GitChangeOutcome.NoChange,
    };

    /// <summary>The file's path in the repository: the values file lives in the application's chart folder.</summary>
    public static string ValuesPath(Core.Domain.Application app) =>
        app.Path is "" or "." or "./" ? app.ValuesFile : $"{app.Path.TrimEnd('/')}/{app.ValuesFile}";
}
