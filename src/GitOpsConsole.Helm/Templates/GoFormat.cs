using System.Globalization;
using System.Text;

namespace GitOpsConsole.Helm.Templates;

/// <summary>Go's fmt.Sprintf for the verbs charts use: %s %d %v %q %t %f %e %g %x %X %o %b %c %%, with flags, width and precision.</summary>
internal static class GoFormat
{
    public static string FormatFloat(double value, char format, int precision) => GoFloat.Format(value, format, precision);

    public static string Sprintf(string format, IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        var argIndex = 0;
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i++];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }

            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }

            var spec = new FormatSpec();
            i = spec.Parse(format, i, args, ref argIndex);
            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }

            var verb = format[i++];
            if (verb == '%')
            {
                sb.Append('%');
                continue;
            }

            if (argIndex >= args.Count)
            {
                sb.Append("%!").Append(verb).Append("(MISSING)");
                continue;
            }

            sb.Append(spec.Pad(FormatOne(verb, args[argIndex++], spec)));
        }

        if (argIndex < args.Count)
        {
            sb.Append("%!(EXTRA ");
            for (var k = argIndex; k < args.Count; k++)
            {
                if (k > argIndex)
                {
                    sb.Append(", ");
                }

                sb.Append(GoValues.TypeName(args[k])).Append('=').Append(GoValues.Sprint(args[k]));
            }

            sb.Append(')');
        }

        return sb.ToString();
    }

    private static string FormatOne(char verb, object? arg, FormatSpec spec)
    {
        switch (verb)
        {
            case 'v':
                return arg is string text && spec.Precision >= 0 ? Truncate(text, spec.Precision) : FormatDefault(arg, spec);
            case 's':
                return arg switch
                {
                    string s => spec.Precision >= 0 ? Truncate(s, spec.Precision) : s,
                    byte[] b => Encoding.UTF8.GetString(b),
                    System.Collections.IEnumerable and not string => GoValues.Sprint(arg),
                    null => "%!s(<nil>)",
                    _ => BadVerb(verb, arg),
                };
            case 'q':
                return arg switch
                {
                    string quoted => Quote(quoted),
                    long or int when GoValues.TryGetInteger(arg, out var rune) => "'" + char.ConvertFromUtf32((int)rune) + "'",
                    _ => BadVerb(verb, arg),
                };
            case 'T':
                return GoValues.TypeName(arg);
            case 't':
                return arg is bool flag ? (flag ? "true" : "false") : BadVerb(verb, arg);
            case 'd':
                return GoValues.TryGetInteger(arg, out var d) ? spec.Sign(d.ToString(CultureInfo.InvariantCulture), d < 0) : BadVerb(verb, arg);
            case 'c':
                return GoValues.TryGetInteger(arg, out var ch) ? char.ConvertFromUtf32((int)ch) : BadVerb(verb, arg);
            case 'x' or 'X' or 'o' or 'b':
                return FormatRadix(verb, arg, spec);
            case 'f' or 'F' or 'e' or 'E' or 'g' or 'G':
                return FormatFloatVerb(verb, arg, spec);
            default:
                return BadVerb(verb, arg);
        }
    }

    private static string FormatDefault(object? arg, FormatSpec spec) => arg switch
    {
        long or int when GoValues.TryGetInteger(arg, out var n) => spec.Sign(n.ToString(CultureInfo.InvariantCulture), n < 0),
        double f => spec.Sign(FormatFloat(f, 'g', spec.Precision), f < 0),
        _ => GoValues.Sprint(arg),
    };

    private static string FormatRadix(char verb, object? arg, FormatSpec spec)
    {
        var radix = verb switch { 'o' => 8, 'b' => 2, _ => 16 };
        string text;
        if (GoValues.TryGetInteger(arg, out var n))
        {
            text = (n < 0 ? "-" : string.Empty) + Convert.ToString(Math.Abs(n), radix);
            if (spec.Sharp && radix == 16)
            {
                text = (n < 0 ? "-0x" : "0x") + Convert.ToString(Math.Abs(n), radix);
            }
        }
        else if (arg is string s && radix == 16)
        {
            text = Convert.ToHexString(Encoding.UTF8.GetBytes(s)).ToLowerInvariant();
        }
        else if (arg is byte[] bytes && radix == 16)
        {
            text = Convert.ToHexString(bytes).ToLowerInvariant();
        }
        else if (arg is double f && radix == 2)
        {
            return BadVerb(verb, f);
        }
        else
        {
            return BadVerb(verb, arg);
        }

        return verb == 'X' ? text.ToUpperInvariant() : text;
    }

    private static string FormatFloatVerb(char verb, object? arg, FormatSpec spec)
    {
        double value;
        if (arg is double f)
        {
            value = f;
        }
        else
        {
            return BadVerb(verb, arg);
        }

        var lower = char.ToLowerInvariant(verb);
        var precision = spec.Precision >= 0 ? spec.Precision : lower == 'g' ? -1 : 6;
        var text = FormatFloat(value, lower, precision);
        return spec.Sign(char.IsUpper(verb) ? text.ToUpperInvariant() : text, value < 0);
    }

    private static string Truncate(string s, int precision) =>
        s.EnumerateRunes().Count() <= precision ? s : string.Concat(s.EnumerateRunes().Take(precision).Select(r => r.ToString()));

    private static string BadVerb(char verb, object? arg) =>
        arg is null ? $"%!{verb}(<nil>)" : $"%!{verb}({GoValues.TypeName(arg)}={GoValues.Sprint(arg)})";

    /// <summary>strconv.Quote: a double-quoted Go string literal.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f)
                    {
                        sb.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned)
                    {
                        sb.Append(rune.Value > 0xFFFF ? "\\U" + rune.Value.ToString("x8", CultureInfo.InvariantCulture) : "\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
