namespace GitOpsConsole.Helm.Yaml;

/// <summary>libyaml's analysis of a scalar: which presentation styles can represent it faithfully.</summary>
internal readonly record struct ScalarAnalysis(bool Multiline, bool BlockPlainAllowed, bool SingleQuotedAllowed, bool BlockAllowed)
{
    public static bool IsBreak(int c) => c is '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

    private static bool IsBlank(int c) => c is ' ' or '\t';

    private static bool IsBlankOrBreak(int c) => IsBlank(c) || IsBreak(c);

    /// <summary>Printable as libyaml judges it (tab, CR and astral characters are not).</summary>
    public static bool IsPrintable(int c) =>
        c == '\n' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);

    public static ScalarAnalysis Analyze(string text)
    {
        if (text.Length == 0)
        {
            return new ScalarAnalysis(false, true, true, false);
        }

        var value = text.EnumerateRunes().Select(r => r.Value).ToArray();
        var blockIndicators = text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal);
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        bool lineBreaks = false, special = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var followedByWhitespace = i + 1 >= value.Length || IsBlankOrBreak(value[i + 1]);
            var precededByWhitespace = i == 0 || IsBlankOrBreak(value[i - 1]);
            if (i == 0)
            {
                blockIndicators |= c is '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`';
                blockIndicators |= c is '?' or ':' or '-' && followedByWhitespace;
            }
            else
            {
                blockIndicators |= c == ':' && followedByWhitespace;
                blockIndicators |= c == '#' && precededByWhitespace;
            }

            special |= !IsPrintable(c);
            if (c == ' ')
            {
                leadingSpace |= i == 0;
                trailingSpace |= i == value.Length - 1;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            }
            else if (IsBreak(c))
            {
                lineBreaks = true;
                leadingBreak |= i == 0;
                trailingBreak |= i == value.Length - 1;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            }
            else
            {
                previousSpace = false;
                previousBreak = false;
            }
        }

        bool blockPlain = true, singleQuoted = true, block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        {
            blockPlain = false;
        }

        if (trailingSpace)
        {
            block = false;
        }

        if (breakSpace)
        {
            blockPlain = false;
            singleQuoted = false;
        }

        if (spaceBreak || special)
        {
            blockPlain = singleQuoted = block = false;
        }

        if (lineBreaks || blockIndicators)
        {
            blockPlain = false;
        }

        return new ScalarAnalysis(lineBreaks, blockPlain, singleQuoted, block);
    }
}
