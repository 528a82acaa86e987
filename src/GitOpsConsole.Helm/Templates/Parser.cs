namespace GitOpsConsole.Helm.Templates;

/// <summary>Builds the parse tree of one template file from its segments (Go text/template grammar).</summary>
internal sealed partial class Parser
{
    private readonly SourceText _source;
    private readonly List<Segment> _segments;
    private readonly Func<string, bool> _isFunction;
    private readonly Dictionary<string, ListNode> _defines = new(StringComparer.Ordinal);
    private readonly List<string> _variables = ["$"];
    private int _index;
    private int _rangeDepth;

    private Parser(SourceText source, Func<string, bool> isFunction)
    {
        _source = source;
        _segments = Lexer.Lex(source);
        _isFunction = isFunction;
    }

    private enum Terminator
    {
        Eof,
        End,
        Else,
    }

    public static ParsedTemplate Parse(string name, string text, Func<string, bool> isFunction)
    {
        var parser = new Parser(new SourceText(name, text), isFunction);
        var root = parser.ParseList(topLevel: true, out var terminator, out var at);
        if (terminator != Terminator.Eof)
        {
            throw parser.Error(at?.Pos ?? 0, terminator == Terminator.End ? "unexpected {{end}}" : "unexpected {{else}}");
        }

        return new ParsedTemplate(name, root, parser._defines);
    }

    private ListNode ParseList(bool topLevel, out Terminator terminator, out Segment? at)
    {
        var list = new ListNode(_source, _index < _segments.Count ? _segments[_index].Pos : 0);
        while (_index < _segments.Count)
        {
            var segment = _segments[_index++];
            if (segment.IsText)
            {
                list.Nodes.Add(new TextNode(_source, segment.Pos, segment.Text!));
                continue;
            }

            var tokens = segment.Tokens!;
            var keyword = tokens.Count > 0 && tokens[0].Kind == TokenKind.Identifier ? tokens[0].Text : null;
            switch (keyword)
            {
                case "end":
                    ExpectOnly(tokens, 1, "end");
                    terminator = Terminator.End;
                    at = segment;
                    return list;
                case "else":
                    terminator = Terminator.Else;
                    at = segment;
                    return list;
                case "define":
                    if (!topLevel)
                    {
                        throw Error(segment.Pos, "unexpected <define> in command");
                    }

                    ParseDefine(segment);
                    break;
                default:
                    var node = ParseAction(segment, keyword);
                    if (node is not null)
                    {
                        list.Nodes.Add(node);
                    }

                    break;
            }
        }

        terminator = Terminator.Eof;
        at = null;
        return list;
    }

    private Node? ParseAction(Segment segment, string? keyword)
    {
        var tokens = segment.Tokens!;
        switch (keyword)
        {
            case "if":
                return ParseBranch(BranchKind.If, segment, tokens, 1);
            case "with":
                return ParseBranch(BranchKind.With, segment, tokens, 1);
            case "range":
                return ParseBranch(BranchKind.Range, segment, tokens, 1);
            case "template":
                return ParseTemplateCall(segment, tokens);
            case "block":
                return ParseBlock(segment, tokens);
            case "break" or "continue":
                if (_rangeDepth == 0)
                {
                    throw Error(segment.Pos, $"{{{{{keyword}}}}} outside {{{{range}}}}");
                }

                ExpectOnly(tokens, 1, keyword);
                return new LoopControlNode(_source, segment.Pos, keyword == "break");
            default:
                if (tokens.Count == 0)
                {
                    throw Error(segment.Pos, "missing value for command");
                }

                return new ActionNode(_source, segment.Pos, ParsePipeline(tokens, 0, tokens.Count, "command", allowDecl: true, allowTwo: false));
        }
    }

    private BranchNode ParseBranch(BranchKind kind, Segment segment, IReadOnlyList<Token> tokens, int start)
    {
        var context = kind.ToString().ToLowerInvariant();
        var mark = _variables.Count;
        var pipe = ParsePipeline(tokens, start, tokens.Count, context, allowDecl: true, allowTwo: kind == BranchKind.Range);
        if (kind == BranchKind.Range)
        {
            _rangeDepth++;
        }

        var list = ParseList(topLevel: false, out var terminator, out var at);
        if (kind == BranchKind.Range)
        {
            _rangeDepth--;
        }

        ListNode? elseList = null;
        if (terminator == Terminator.Else)
        {
            var elseTokens = at!.Tokens!;
            var chained = elseTokens.Count > 1 && elseTokens[1].Kind == TokenKind.Identifier &&
                          (elseTokens[1].Text == "if" || elseTokens[1].Text == "with") && kind != BranchKind.Range;
            if (chained)
            {
                // "else if"/"else with" is sugar for a nested branch that shares the outer {{end}}.
                var nestedKind = elseTokens[1].Text == "if" ? BranchKind.If : BranchKind.With;
                elseList = new ListNode(_source, at.Pos);
                elseList.Nodes.Add(ParseBranch(nestedKind, at, elseTokens, 2));
                TrimVariables(mark);
                return new BranchNode(_source, segment.Pos, kind, pipe, list, elseList);
            }

            ExpectOnly(elseTokens, 1, "else");
            elseList = ParseList(topLevel: false, out terminator, out at);
        }

        if (terminator != Terminator.End)
        {
            throw Error(terminator == Terminator.Eof ? _source.Text.Length : at!.Pos,
                terminator == Terminator.Eof ? "unexpected EOF" : "expected end; found {{else}}");
        }

        TrimVariables(mark);
        return new BranchNode(_source, segment.Pos, kind, pipe, list, elseList);
    }

    private void TrimVariables(int mark) => _variables.RemoveRange(mark, _variables.Count - mark);

    private void ParseDefine(Segment segment)
    {
        var tokens = segment.Tokens!;
        if (tokens.Count != 2 || tokens[1].Kind != TokenKind.String)
        {
            throw Error(segment.Pos, "define clause: expected a quoted name");
        }

        _defines[tokens[1].Text] = ParseNamedBody(segment);
    }

    private ListNode ParseNamedBody(Segment segment)
    {
        var saved = _variables.ToList();
        _variables.Clear();
        _variables.Add("$");
        var body = ParseList(topLevel: false, out var terminator, out _);
        if (terminator != Terminator.End)
        {
            throw Error(segment.Pos, terminator == Terminator.Eof ? "unexpected EOF" : "unexpected {{else}}");
        }

        _variables.Clear();
        _variables.AddRange(saved);
        return body;
    }

    private TemplateNode ParseTemplateCall(Segment segment, IReadOnlyList<Token> tokens)
    {
        if (tokens.Count < 2 || tokens[1].Kind != TokenKind.String)
        {
            throw Error(segment.Pos, "template clause: expected a quoted name");
        }

        var pipe = tokens.Count > 2 ? ParsePipeline(tokens, 2, tokens.Count, "template clause", allowDecl: false, allowTwo: false) : null;
        return new TemplateNode(_source, segment.Pos, tokens[1].Text, pipe);
    }

    private TemplateNode ParseBlock(Segment segment, IReadOnlyList<Token> tokens)
    {
        if (tokens.Count < 3 || tokens[1].Kind != TokenKind.String)
        {
            throw Error(segment.Pos, "block clause: expected a quoted name and a pipeline");
        }

        var pipe = ParsePipeline(tokens, 2, tokens.Count, "block clause", allowDecl: false, allowTwo: false);
        _defines[tokens[1].Text] = ParseNamedBody(segment);
        return new TemplateNode(_source, segment.Pos, tokens[1].Text, pipe);
    }

    private void ExpectOnly(IReadOnlyList<Token> tokens, int count, string keyword)
    {
        if (tokens.Count > count)
        {
            throw Error(tokens[count].Pos, $"unexpected {Describe(tokens[count])} in {keyword}");
        }
    }

    private static string Describe(Token token) => token.Kind == TokenKind.String ? $"\"{token.Text}\"" : $"\"{token.Text}\"";

    private TemplateParseException Error(int pos, string cause) => new(_source, pos, cause);
}
