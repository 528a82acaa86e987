namespace GitOpsConsole.Helm.Templates;

/// <summary>A piece of template source: literal text, or the tokens of one <c>{{ }}</c> action (comments are dropped).</summary>
internal sealed class Segment
{
    public Segment(string text, int pos)
    {
        Text = text;
        Pos = pos;
    }

    public Segment(IReadOnlyList<Token> tokens, int pos)
    {
        Tokens = tokens;
        Pos = pos;
    }

    public string? Text { get; }

    public IReadOnlyList<Token>? Tokens { get; }

    public int Pos { get; }

    public bool IsText => Text is not null;
}
