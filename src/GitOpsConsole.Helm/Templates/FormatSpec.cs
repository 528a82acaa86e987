using System.Globalization;

namespace GitOpsConsole.Helm.Templates;

/// <summary>Flags, width and precision of one printf directive.</summary>
internal sealed class FormatSpec
{
    public bool Minus { get; private set; }

    public bool Plus { get; private set; }

    public bool Sharp { get; private set; }

    public bool Zero { get; private set; }

    public bool Space { get; private set; }

    public int Width { get; private set; } = -1;

    public int Precision { get; private set; } = -1;

    public int Parse(string format, int i, IReadOnlyList<object?> args, ref int argIndex)
    {
        for (; i < format.Length; i++)
        {
            switch (format[i])
            {
                case '-': Minus = true; continue;
                case '+': Plus = true; continue;
                case '#': Sharp = true; continue;
                case '0': Zero = true; continue;
                case ' ': Space = true; continue;
            }

            break;
        }

        i = ReadNumber(format, i, args, ref argIndex, out var width);
        Width = width;
        if (i < format.Length && format[i] == '.')
        {
            i = ReadNumber(format, i + 1, args, ref argIndex, out var precision);
            Precision = Math.Max(precision, 0);
        }

        return i;
    }

    private static int ReadNumber(string format, int i, IReadOnlyList<object?> args, ref int argIndex, out int value)
    {
        if (i < format.Length && format[i] == '*')
        {
            value = argIndex < args.Count && GoValues.TryGetInteger(args[argIndex], out var n) ? (int)n : -1;
            argIndex++;
            return i + 1;
        }

        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }

        value = i > start ? int.Parse(format.AsSpan(start, i - start), CultureInfo.InvariantCulture) : -1;
        return i;
    }

    public string Sign(string text, bool negative)
    {
        if (negative)
        {
            return text;
        }

        return Plus ? "+" + text : Space ? " " + text : text;
    }

    public string Pad(string text)
    {
        var length = text.EnumerateRunes().Count();
        if (Width <= length)
        {
            return text;
        }

        var padding = Width - length;
        if (Minus)
        {
            return text + new string(' ', padding);
        }

        if (Zero && text.Length > 0 && (char.IsAsciiDigit(text[^1]) || text[0] is '-' or '+'))
        {
            var signed = text[0] is '-' or '+';
            return signed ? text[0] + new string('0', padding) + text[1..] : new string('0', padding) + text;
        }

        return new string(' ', padding) + text;
    }
}
