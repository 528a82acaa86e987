namespace GitOpsConsole.Helm.Templates;

internal enum TokenKind
{
    Identifier,
    Field,
    Variable,
    Dot,
    String,
    Char,
    Number,
    Bool,
    Nil,
    LeftParen,
    RightParen,
    Pipe,
    Declare,
    Assign,
    Comma,
}

/// <summary>One lexeme inside an action; <see cref="SpaceBefore"/> tells chained fields (<c>$x.a</c>) from separate arguments.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Pos, bool SpaceBefore);
