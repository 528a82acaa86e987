namespace GitOpsConsole.Helm.Templates;

/// <summary>A template that does not parse; the message reads like Go's: <c>template: name:line: cause</c>.</summary>
public sealed class TemplateParseException : Exception
{
    public TemplateParseException()
    {
    }

    public TemplateParseException(string message)
        : base(message)
    {
    }

    public TemplateParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal TemplateParseException(SourceText source, int pos, string cause)
        : base($"template: {source.Name}:{source.LineOf(pos)}: {cause}")
    {
        TemplateName = source.Name;
        Line = source.LineOf(pos);
        Cause = cause;
    }

    public string? TemplateName { get; }

    public int Line { get; }

    public string? Cause { get; }
}
