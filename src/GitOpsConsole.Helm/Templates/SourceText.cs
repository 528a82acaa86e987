namespace GitOpsConsole.Helm.Templates;

/// <summary>The text a template was parsed from; positions are turned into Go's <c>name:line:col</c> only when an error needs them.</summary>
internal sealed class SourceText(string name, string text)
{
    public string Name { get; } = name;

    public string Text { get; } = text;

    public int LineOf(int pos)
    {
        var line = 1;
        var end = Math.Min(pos, Text.Length);
        for (var i = 0; i < end; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>Go reports the byte offset from the previous newline (0-based on the first line).</summary>
    public string Location(int pos)
    {
        var end = Math.Min(pos, Text.Length);
        var lastNewline = Text.LastIndexOf('\n', Math.Max(end - 1, 0));
        if (end == 0)
        {
            lastNewline = -1;
        }

        var col = lastNewline < 0 ? end : end - (lastNewline + 1);
        return $"{Name}:{LineOf(pos)}:{col}";
    }
}
