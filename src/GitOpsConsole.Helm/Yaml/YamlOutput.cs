using System.Text;

namespace GitOpsConsole.Helm.Yaml;

/// <summary>An output buffer that knows its current column, which libyaml's line folding depends on.</summary>
internal sealed class YamlOutput
{
    public const int BestWidth = 80;
    private readonly StringBuilder _sb = new();

    public int Column { get; private set; }

    public YamlOutput Write(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            Write(rune);
        }

        return this;
    }

    public YamlOutput Write(Rune rune)
    {
        _sb.Append(rune.ToString());
        Column = rune.Value == '\n' ? 0 : Column + 1;
        return this;
    }

    public YamlOutput Write(char c)
    {
        _sb.Append(c);
        Column = c == '\n' ? 0 : Column + 1;
        return this;
    }

    public YamlOutput NewLine()
    {
        _sb.Append('\n');
        Column = 0;
        return this;
    }

    public YamlOutput Indent(int indent)
    {
        if (Column > 0)
        {
            NewLine();
        }

        _sb.Append(' ', indent);
        Column = indent;
        return this;
    }

    public override string ToString() => _sb.ToString();
}
