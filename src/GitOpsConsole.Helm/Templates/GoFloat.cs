using System.Globalization;
using System.Text;

namespace GitOpsConsole.Helm.Templates;

/// <summary>Go's strconv.FormatFloat for the 'g', 'e' and 'f' formats (shortest digits when precision is -1).</summary>
internal static class GoFloat
{
    public static string Format(double value, char format, int precision)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var abs = Math.Abs(value);
        var body = format switch
        {
            'f' => precision < 0 ? FormatFixedShortest(abs) : abs.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            'e' => FormatExponent(abs, precision),
            _ => FormatGeneral(abs, precision),
        };
        return negative ? "-" + body : body;
    }

    /// <summary>Shortest round-trip digits and the decimal exponent: value = 0.d1d2d3 × 10^pointPosition.</summary>
    private static (string Digits, int Point) Shortest(double abs)
    {
        if (abs == 0)
        {
            return ("0", 1);
        }

        var shortest = abs.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        string mantissa;
        int exponent;
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        else
        {
            mantissa = shortest;
            exponent = 0;
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        var point = intPart.Length + exponent - leadingZeros;
        digits = digits.TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, point);
    }

    private static string FormatGeneral(double abs, int precision)
    {
        var (digits, point) = precision < 0 ? Shortest(abs) : Rounded(abs, precision == 0 ? 1 : precision);
        var exp = point - 1;
        var eprec = precision < 0 ? 6 : precision == 0 ? 1 : precision;
        if (precision >= 0 && eprec > digits.Length && digits.Length >= point)
        {
            eprec = digits.Length;
        }

        if (exp < -4 || exp >= eprec)
        {
            return ExponentForm(digits, exp);
        }

        return FixedForm(digits, point);
    }

    private static (string Digits, int Point) Rounded(double abs, int significant)
    {
        if (abs == 0)
        {
            return ("0", 1);
        }

        var text = abs.ToString("E" + (significant - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var digits = text[..e].Replace(".", string.Empty, StringComparison.Ordinal).TrimEnd('0');
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return (digits.Length == 0 ? "0" : digits, exponent + 1);
    }

    private static string ExponentForm(string digits, int exp)
    {
        var sb = new StringBuilder();
        sb.Append(digits[0]);
        if (digits.Length > 1)
        {
            sb.Append('.').Append(digits, 1, digits.Length - 1);
        }

        sb.Append('e').Append(exp < 0 ? '-' : '+');
        var e = Math.Abs(exp);
        if (e < 10)
        {
            sb.Append('0');
        }

        sb.Append(e.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static string FixedForm(string digits, int point)
    {
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return digits + new string('0', point - digits.Length);
        }

        return digits[..point] + "." + digits[point..];
    }

    private static string FormatFixedShortest(double abs)
    {
        var (digits, point) = Shortest(abs);
        return FixedForm(digits, point);
    }

    private static string FormatExponent(double abs, int precision)
    {
        if (precision < 0)
        {
            var (digits, point) = Shortest(abs);
            return ExponentForm(digits, point - 1);
        }

        var text = abs.ToString("E" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var sign = exponent < 0 ? "-" : "+";
        var magnitude = Math.Abs(exponent);
        return text[..e] + "e" + sign + (magnitude < 10 ? "0" : string.Empty) + magnitude.ToString(CultureInfo.InvariantCulture);
    }
}
