namespace GitOpsConsole.Helm.Templates;

/// <summary>A failure while executing a template; the message reads like Go's ExecError.</summary>
public sealed class TemplateExecException : Exception
{
    public TemplateExecException()
    {
    }

    public TemplateExecException(string message)
        : base(message)
    {
    }

    public TemplateExecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal TemplateExecException(string message, string location, string? userMessage)
        : base(message)
    {
        Location = location;
        UserMessage = userMessage;
    }

    /// <summary>The outermost <c>file:line:col</c> the error was raised at.</summary>
    public string? Location { get; }

    /// <summary>Set when the chart itself failed the render through <c>fail</c> or <c>required</c>.</summary>
    public string? UserMessage { get; }
}
