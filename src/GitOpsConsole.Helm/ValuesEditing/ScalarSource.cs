namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>
/// Finds a scalar's own characters. The parser's start mark includes any anchor and tag written before the content, and
/// an empty (null) value is a zero-width mark right after its <c>key:</c>, <c>-</c> or tag.
/// </summary>
internal readonly record struct ScalarSource(int Start, int End, string Prefix)
{
    public static ScalarSource Of(string text, YamlScalarNode node)
    {
        var i = node.Start;
        var afterProperties = -1;
        while (i < node.End && text[i] is '&' or '!')
        {
            while (i < node.End && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            afterProperties = i;
            i = SkipSeparation(text, i, node.End);
        }

        if (i < node.End)
        {
            return new ScalarSource(i, node.End, string.Empty);
        }

        // Empty content: insert where the value belongs, keeping a blank between it and the indicator or tag before it.
        var at = afterProperties >= 0 ? afterProperties : node.Start;
        var needsBlank = at > 0 && text[at - 1] is not (' ' or '\t');
        return new ScalarSource(at, at, needsBlank ? " " : string.Empty);
    }

    /// <summary>Blanks, line breaks and comment lines may separate node properties from the content.</summary>
    private static int SkipSeparation(string text, int i, int end)
    {
        while (i < end)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i] == '#')
            {
                while (i < end && text[i] is not ('\n' or '\r'))
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }
}
