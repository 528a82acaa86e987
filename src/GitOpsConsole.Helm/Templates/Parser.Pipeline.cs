using System.Globalization;

namespace GitOpsConsole.Helm.Templates;

/// <summary>Pipelines, commands and operands inside one action.</summary>
internal sealed partial class Parser
{
    private PipeNode ParsePipeline(IReadOnlyList<Token> tokens, int start, int end, string context, bool allowDecl, bool allowTwo)
    {
        var pipe = new PipeNode(_source, start < tokens.Count ? tokens[start].Pos : 0);
        var i = start;
        if (allowDecl)
        {
            i = ParseDeclarations(pipe, tokens, i, end, allowTwo);
        }

        if (i >= end)
        {
            throw Error(pipe.Pos, $"missing value for {context}");
        }

        while (i < end)
        {
            var command = new CommandNode(_source, tokens[i].Pos);
            while (i < end && tokens[i].Kind != TokenKind.Pipe)
            {
                command.Args.Add(ParseOperand(tokens, ref i, end));
            }

            if (command.Args.Count == 0)
            {
                throw Error(command.Pos, "missing value for command");
            }

            pipe.Commands.Add(command);
            if (i < end)
            {
                i++;
                if (i >= end)
                {
                    throw Error(tokens[i - 1].Pos, "missing command after |");
                }
            }
        }

        foreach (var decl in pipe.Decl.Where(_ => !pipe.IsAssign))
        {
            _variables.Add(decl.Name);
        }

        return pipe;
    }

    private int ParseDeclarations(PipeNode pipe, IReadOnlyList<Token> tokens, int i, int end, bool allowTwo)
    {
        if (i + 1 >= end || tokens[i].Kind != TokenKind.Variable)
        {
            return i;
        }

        var next = tokens[i + 1].Kind;
        if (next is TokenKind.Declare or TokenKind.Assign)
        {
            pipe.Decl.Add(new VariableNode(_source, tokens[i].Pos, tokens[i].Text, []));
            pipe.IsAssign = next == TokenKind.Assign;
            CheckAssignable(pipe);
            return i + 2;
        }

        if (allowTwo && next == TokenKind.Comma && i + 3 < end && tokens[i + 2].Kind == TokenKind.Variable &&
            tokens[i + 3].Kind is TokenKind.Declare or TokenKind.Assign)
        {
            pipe.Decl.Add(new VariableNode(_source, tokens[i].Pos, tokens[i].Text, []));
            pipe.Decl.Add(new VariableNode(_source, tokens[i + 2].Pos, tokens[i + 2].Text, []));
            pipe.IsAssign = tokens[i + 3].Kind == TokenKind.Assign;
            CheckAssignable(pipe);
            return i + 4;
        }

        return i;
    }

    private void CheckAssignable(PipeNode pipe)
    {
        if (!pipe.IsAssign)
        {
            return;
        }

        foreach (var decl in pipe.Decl.Where(d => !_variables.Contains(d.Name)))
        {
            throw Error(decl.Pos, $"undefined variable \"{decl.Name}\"");
        }
    }

    private Node ParseOperand(IReadOnlyList<Token> tokens, ref int i, int end)
    {
        var token = tokens[i++];
        Node term;
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                if (!_isFunction(token.Text))
                {
                    throw Error(token.Pos, $"function \"{token.Text}\" not defined");
                }

                term = new IdentifierNode(_source, token.Pos, token.Text);
                break;
            case TokenKind.Dot:
                term = new DotNode(_source, token.Pos);
                break;
            case TokenKind.Nil:
                term = new NilNode(_source, token.Pos);
                break;
            case TokenKind.Bool:
                term = new LiteralNode(_source, token.Pos, token.Text == "true", token.Text);
                break;
            case TokenKind.String:
                term = new LiteralNode(_source, token.Pos, token.Text, Quote(token.Text));
                break;
            case TokenKind.Char:
                term = new LiteralNode(_source, token.Pos, char.ConvertToUtf32(token.Text, 0), "'" + token.Text + "'");
                break;
            case TokenKind.Number:
                term = new LiteralNode(_source, token.Pos, ParseNumber(token), token.Text);
                break;
            case TokenKind.Variable:
                if (!_variables.Contains(token.Text))
                {
                    throw Error(token.Pos, $"undefined variable \"{token.Text}\"");
                }

                return new VariableNode(_source, token.Pos, token.Text, ReadChain(tokens, ref i, end));
            case TokenKind.Field:
                var idents = new List<string> { token.Text[1..] };
                idents.AddRange(ReadChain(tokens, ref i, end));
                return new FieldNode(_source, token.Pos, [.. idents]);
            case TokenKind.LeftParen:
                term = ParseParenthesized(tokens, ref i, end, token);
                break;
            default:
                throw Error(token.Pos, $"unexpected \"{token.Text}\" in operand");
        }

        var chain = ReadChain(tokens, ref i, end);
        return chain.Length == 0 ? term : new ChainNode(_source, token.Pos, term, chain);
    }

    private PipeNode ParseParenthesized(IReadOnlyList<Token> tokens, ref int i, int end, Token open)
    {
        var depth = 1;
        var close = i;
        while (close < end)
        {
            if (tokens[close].Kind == TokenKind.LeftParen)
            {
                depth++;
            }
            else if (tokens[close].Kind == TokenKind.RightParen && --depth == 0)
            {
                break;
            }

            close++;
        }

        if (close >= end)
        {
            throw Error(open.Pos, "unclosed left paren");
        }

        var pipe = ParsePipeline(tokens, i, close, "parenthesized pipeline", allowDecl: false, allowTwo: false);
        i = close + 1;
        return pipe;
    }

    private static string[] ReadChain(IReadOnlyList<Token> tokens, ref int i, int end)
    {
        var fields = new List<string>();
        while (i < end && tokens[i].Kind == TokenKind.Field && !tokens[i].SpaceBefore)
        {
            fields.Add(tokens[i++].Text[1..]);
        }

        return [.. fields];
    }

    private object ParseNumber(Token token)
    {
        var text = token.Text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        long? integer = null;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
            long.TryParse(body.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
        {
            integer = hex;
        }
        else if (body.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            integer = Convert.ToInt64(body[2..], 2);
        }
        else if (body.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            integer = Convert.ToInt64(body[2..], 8);
        }
        else if (body.Length > 1 && body[0] == '0' && body.All(char.IsDigit))
        {
            integer = Convert.ToInt64(body, 8);
        }
        else if (long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var dec))
        {
            integer = dec;
        }

        if (integer is { } value)
        {
            // Go's untyped integer constants become int; C# int keeps typeOf/kindOf answering "int".
            var signed = negative ? -value : value;
            return signed is >= int.MinValue and <= int.MaxValue ? (object)(int)signed : signed;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        throw Error(token.Pos, $"bad number syntax: \"{token.Text}\"");
    }

    private static string Quote(string value) => GoFormat.Quote(value);
}
