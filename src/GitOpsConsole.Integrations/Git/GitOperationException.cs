namespace GitOpsConsole.Integrations.Git;

/// <summary>
/// A Git read or write that failed. The message names the operation, the application's repository
/// and the branch or revision; credentials are redacted before a message is built, so it is safe to
/// log and to show to users and models.
/// </summary>
public sealed class GitOperationException : Exception
{
    public GitOperationException()
    {
    }

    public GitOperationException(string message)
        : base(message)
    {
    }

    public GitOperationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
