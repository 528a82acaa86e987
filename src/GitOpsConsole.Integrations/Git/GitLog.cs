using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Git;

/// <summary>Log lines of the Git adapter. URLs are passed in already redacted.</summary>
internal static partial class GitLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Cloning {Url} for {App} into {Mirror}")]
    public static partial void Cloning(ILogger logger, string app, string url, string mirror);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetched {App} from {Url}")]
    public static partial void Fetched(ILogger logger, string app, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pushed {Sha} to {App} {Branch}")]
    public static partial void Pushed(ILogger logger, string app, string branch, string sha);

    [LoggerMessage(Level = LogLevel.Information, Message = "{App} {Branch} moved while pushing (attempt {Attempt} of {MaxAttempts}); fetching and applying the change again")]
    public static partial void PushRejected(ILogger logger, string app, string branch, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "{App} {Branch} already has {Sha} for this change; not committing again")]
    public static partial void AlreadyCommitted(ILogger logger, string app, string branch, string sha);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Git operation failed: {Reason}")]
    public static partial void Failed(ILogger logger, string reason);
}
