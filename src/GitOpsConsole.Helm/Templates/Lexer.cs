using System.Globalization;
using System.Text;

namespace GitOpsConsole.Helm.Templates;

/// <summary>Splits Go template source into text and action segments, applying <c>{{-</c>/<c>-}}</c> trimming and dropping comments.</summary>
internal sealed class Lexer
{
    private const string LeftDelim = "{{";
    private const string RightDelim = "}}";
    private readonly SourceText _source;
    private readonly string _text;
    private int _pos;

    private Lexer(SourceText source)
    {
        _source = source;
        _text = source.Text;
    }

    public static List<Segment> Lex(SourceText source) => new Lexer(source).Run();

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsAlphaNumeric(char c) => c == '_' || char.IsLetterOrDigit(c);

    private List<Segment> Run()
    {
        var segments = new List<Segment>();
        var trimNextText = false;
        while (_pos <= _text.Length)
        {
            var start = _text.IndexOf(LeftDelim, _pos, StringComparison.Ordinal);
            var textEnd = start < 0 ? _text.Length : start;
            var trimLeft = start >= 0 && HasLeftTrim(start);
            var text = _text[_pos..textEnd];
            if (trimNextText)
            {
                text = text.TrimStart(' ', '\t', '\r', '\n');
            }

            if (trimLeft)
            {
                text = text.TrimEnd(' ', '\t', '\r', '\n');
            }

            if (text.Length > 0)
            {
                segments.Add(new Segment(text, _pos));
            }

            if (start < 0)
            {
                break;
            }

            _pos = start + LeftDelim.Length + (trimLeft ? 2 : 0);
            trimNextText = LexAction(segments, start);
        }

        return segments;
    }

    private bool HasLeftTrim(int delimStart)
    {
        var i = delimStart + LeftDelim.Length;
        return i + 1 < _text.Length && _text[i] == '-' && IsSpace(_text[i + 1]);
    }

    /// <summary>Returns whether the action ended with a right trim marker.</summary>
    private bool LexAction(List<Segment> segments, int actionStart)
    {
        if (string.CompareOrdinal(_text, _pos, "/*", 0, 2) == 0)
        {
            return LexComment(actionStart);
        }

        var tokens = new List<Token>();
        var spaceBefore = true;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(actionStart, "unclosed action");
            }

            var c = _text[_pos];
            if (IsSpace(c))
            {
                if (IsRightTrimAt(_pos))
                {
                    _pos += 2 + RightDelim.Length;
                    segments.Add(new Segment(tokens, actionStart));
                    return true;
                }

                _pos++;
                spaceBefore = true;
                continue;
            }

            if (string.CompareOrdinal(_text, _pos, RightDelim, 0, 2) == 0)
            {
                _pos += RightDelim.Length;
                segments.Add(new Segment(tokens, actionStart));
                return false;
            }

            tokens.Add(NextToken(spaceBefore));
            spaceBefore = false;
        }
    }

    private bool IsRightTrimAt(int i) =>
        i + 3 < _text.Length && IsSpace(_text[i]) && _text[i + 1] == '-' && _text[i + 2] == '}' && _text[i + 3] == '}';

    private bool LexComment(int actionStart)
    {
        var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error(actionStart, "unclosed comment");
        }

        _pos = end + 2;
        if (IsRightTrimAt(_pos))
        {
            _pos += 4;
            return true;
        }

        if (string.CompareOrdinal(_text, _pos, RightDelim, 0, 2) == 0)
        {
            _pos += 2;
            return false;
        }

        throw Error(actionStart, "comment ends before closing delimiter");
    }

    private Token NextToken(bool spaceBefore)
    {
        var start = _pos;
        var c = _text[_pos];
        switch (c)
        {
            case '|':
                _pos++;
                return new Token(TokenKind.Pipe, "|", start, spaceBefore);
            case '(':
                _pos++;
                return new Token(TokenKind.LeftParen, "(", start, spaceBefore);
            case ')':
                _pos++;
                return new Token(TokenKind.RightParen, ")", start, spaceBefore);
            case ',':
                _pos++;
                return new Token(TokenKind.Comma, ",", start, spaceBefore);
            case '=':
                _pos++;
                return new Token(TokenKind.Assign, "=", start, spaceBefore);
            case ':':
                if (_pos + 1 < _text.Length && _text[_pos + 1] == '=')
                {
                    _pos += 2;
                    return new Token(TokenKind.Declare, ":=", start, spaceBefore);
                }

                throw Error(start, "expected :=");
            case '"':
                return new Token(TokenKind.String, LexQuoted(), start, spaceBefore);
            case '`':
                return new Token(TokenKind.String, LexRaw(), start, spaceBefore);
            case '\'':
                return new Token(TokenKind.Char, LexChar(), start, spaceBefore);
            case '$':
                _pos++;
                while (_pos < _text.Length && IsAlphaNumeric(_text[_pos]))
                {
                    _pos++;
                }

                return new Token(TokenKind.Variable, _text[start.._pos], start, spaceBefore);
            case '.':
                if (_pos + 1 < _text.Length && char.IsDigit(_text[_pos + 1]))
                {
                    return new Token(TokenKind.Number, LexNumber(), start, spaceBefore);
                }

                _pos++;
                if (_pos < _text.Length && IsAlphaNumeric(_text[_pos]))
                {
                    while (_pos < _text.Length && IsAlphaNumeric(_text[_pos]))
                    {
                        _pos++;
                    }

                    return new Token(TokenKind.Field, _text[start.._pos], start, spaceBefore);
                }

                return new Token(TokenKind.Dot, ".", start, spaceBefore);
        }

        if (char.IsDigit(c) || ((c == '-' || c == '+') && _pos + 1 < _text.Length && (char.IsDigit(_text[_pos + 1]) || _text[_pos + 1] == '.')))
        {
            return new Token(TokenKind.Number, LexNumber(), start, spaceBefore);
        }

        if (IsAlphaNumeric(c))
        {
            while (_pos < _text.Length && IsAlphaNumeric(_text[_pos]))
            {
                _pos++;
            }

            var word = _text[start.._pos];
            var kind = word switch
            {
                "true" or "false" => TokenKind.Bool,
                "nil" => TokenKind.Nil,
                _ => TokenKind.Identifier,
            };
            return new Token(kind, word, start, spaceBefore);
        }

        throw Error(start, $"unexpected \"{c}\" in command");
    }

    private string LexNumber()
    {
        var start = _pos;
        if (_text[_pos] is '+' or '-')
        {
            _pos++;
        }

        while (_pos < _text.Length && (IsAlphaNumeric(_text[_pos]) || _text[_pos] == '.' ||
               ((_text[_pos] is '+' or '-') && _text[_pos - 1] is 'e' or 'E' or 'p' or 'P')))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private string LexQuoted()
    {
        var start = _pos;
        var sb = new StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(start, "unterminated quoted string");
            }

            var c = _text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= _text.Length)
            {
                throw Error(start, "unterminated quoted string");
            }

            AppendEscape(sb, start, '"');
        }
    }

    private void AppendEscape(StringBuilder sb, int literalStart, char quote)
    {
        var e = _text[_pos++];
        switch (e)
        {
            case 'n': sb.Append('\n'); break;
            case 't': sb.Append('\t'); break;
            case 'r': sb.Append('\r'); break;
            case 'a': sb.Append('\a'); break;
            case 'b': sb.Append('\b'); break;
            case 'f': sb.Append('\f'); break;
            case 'v': sb.Append('\v'); break;
            case '\\': sb.Append('\\'); break;
            case 'x': sb.Append((char)ReadHex(2, literalStart)); break;
            case 'u': sb.Append(char.ConvertFromUtf32(ReadHex(4, literalStart))); break;
            case 'U': sb.Append(char.ConvertFromUtf32(ReadHex(8, literalStart))); break;
            case >= '0' and <= '7':
                _pos--;
                sb.Append((char)Convert.ToInt32(_text.Substring(_pos, 3), 8));
                _pos += 3;
                break;
            default:
                if (e != quote)
                {
                    throw Error(literalStart, "unknown escape sequence");
                }

                sb.Append(e);
                break;
        }
    }

    private int ReadHex(int digits, int literalStart)
    {
        if (_pos + digits > _text.Length ||
            !int.TryParse(_text.AsSpan(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(literalStart, "invalid escape sequence");
        }

        _pos += digits;
        return value;
    }

    private string LexRaw()
    {
        var start = _pos;
        var end = _text.IndexOf('`', _pos + 1);
        if (end < 0)
        {
            throw Error(start, "unterminated raw quoted string");
        }

        _pos = end + 1;
        return _text[(start + 1)..end];
    }

    private string LexChar()
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        if (_pos < _text.Length && _text[_pos] == '\\')
        {
            _pos++;
            AppendEscape(sb, start, '\'');
        }
        else if (_pos < _text.Length)
        {
            sb.Append(_text[_pos++]);
        }

        if (_pos >= _text.Length || _text[_pos] != '\'')
        {
            throw Error(start, "unterminated character constant");
        }

        _pos++;
        return sb.ToString();
    }

    private TemplateParseException Error(int pos, string cause) => new(_source, pos, cause);
}
