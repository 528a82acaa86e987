using System.Collections.Concurrent;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Web.Ingestion;

/// <summary>
/// One polling round: fetch each remote (non-sandbox) application's branch and record a <c>Poll</c> event when its
/// tip moved since the last round. The first tip seen for an application is the baseline, not an event: what was
/// there before the console started is what the operator syncs at start. Tips live in memory only; the delivery id
/// <c>poll:&lt;app&gt;:&lt;sha&gt;</c> keeps a restart from recording the same move twice.
/// </summary>
internal sealed partial class GitPoller(GitMirrorCache mirrors, IGitReader git, EventStore store, ILogger<GitPoller> logger)
{
    private const string SandboxPrefix = "sandbox:";
    private readonly ConcurrentDictionary<string, string> _tips = new(StringComparer.Ordinal);

    /// <summary>Applications whose pushes no sandbox event reports, so only polling notices them.</summary>
    public static IEnumerable<ApplicationOptions> Polled(IEnumerable<ApplicationOptions> applications) =>
        applications.Where(a => !a.Repository.StartsWith(SandboxPrefix, StringComparison.OrdinalIgnoreCase));

    public async Task PollAsync(IEnumerable<ApplicationOptions> applications, CancellationToken cancellationToken)
    {
        foreach (var app in Polled(applications))
        {
            try
            {
                await PollAsync(app, cancellationToken);
            }
            catch (GitOperationException ex)
            {
                // One unreachable repository must not stop the others; the next round tries again.
                LogFailed(logger, app.Name, app.Repository, ex.Message);
            }
        }
    }

    private async Task PollAsync(ApplicationOptions app, CancellationToken cancellationToken)
    {
        await mirrors.FetchAsync(app.Name, cancellationToken);
        var tip = await git.ResolveAsync(app.Name, app.Branch, cancellationToken);
        if (!_tips.TryGetValue(app.Name, out var previous))
        {
            _tips[app.Name] = tip;
            LogBaseline(logger, app.Name, app.Branch, tip);
            return;
        }

        if (previous == tip)
        {
            return;
        }

        var commits = await git.ListCommitsAsync(app.Name, previous, tip, cancellationToken);
        var head = commits.Count > 0 ? commits[0] : null;
        var run = RunTrailers.RunOf(head?.Message);
        await store.RecordAsync(new IncomingEvent(
            TriggerKind.Poll, EventSources.Poll, $"poll:{app.Name}:{tip}",
            Repository: app.Repository, Ref: "refs/heads/" + app.Branch, CommitSha: tip,
            Author: head?.AuthorName, Message: head?.Message, Application: app.Name,
            // As with pushes: the console's own deploy commit is deployed by the run that made it.
            IgnoreReason: run is null ? null : $"a commit the console made for run {run}; that run deploys it"), cancellationToken);
        _tips[app.Name] = tip;
        LogMoved(logger, app.Name, app.Branch, previous, tip);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling {App}: {Branch} is at {Sha} (baseline)")]
    private static partial void LogBaseline(ILogger logger, string app, string branch, string sha);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling {App}: {Branch} moved {Previous} -> {Sha}")]
    private static partial void LogMoved(ILogger logger, string app, string branch, string previous, string sha);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {App} ({Repository}) failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string app, string repository, string reason);
}
