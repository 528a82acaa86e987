namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>An edit that was refused; the file is left untouched.</summary>
public sealed class YamlEditException : Exception
{
    public YamlEditException()
    {
    }

    public YamlEditException(string message)
        : base(message)
    {
    }

    public YamlEditException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public YamlEditException(YamlEditError error, string message, int line = 0, int column = 0, Exception? innerException = null)
        : base(line > 0 ? $"{message} (line {line}, column {column})" : message, innerException)
    {
        Error = error;
        Line = line;
        Column = column;
    }

    public YamlEditError Error { get; }

    /// <summary>1-based line of the offending node or syntax error; 0 when not tied to a place.</summary>
    public int Line { get; }

    /// <summary>1-based column; 0 when not tied to a place.</summary>
    public int Column { get; }
}
