using System.Globalization;
using System.Text.RegularExpressions;

namespace GitOpsConsole.Helm.Yaml;

/// <summary>go-yaml v2's implicit typing of plain scalars (YAML 1.1 booleans, ints in any base, floats, nulls, timestamps).</summary>
internal static partial class ScalarResolver
{
    public enum Kind
    {
        String,
        Null,
        Bool,
        Int,
        Float,
        Timestamp,
    }

    private static readonly HashSet<string> TrueWords = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"];
    private static readonly HashSet<string> FalseWords = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"];
    private static readonly HashSet<string> NullWords = ["", "~", "null", "Null", "NULL"];

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")]
    private static partial Regex Base60Pattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?(([ \t]*)(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$")]
    private static partial Regex TimestampPattern();

    public static Kind Resolve(string plain, out object? value)
    {
        value = null;
        if (NullWords.Contains(plain))
        {
            return Kind.Null;
        }

        if (TrueWords.Contains(plain) || FalseWords.Contains(plain))
        {
            value = TrueWords.Contains(plain);
            return Kind.Bool;
        }

        switch (plain)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return Kind.Float;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return Kind.Float;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return Kind.Float;
            case "<<":
                return Kind.String;
        }

        var first = plain[0];
        if (!(char.IsAsciiDigit(first) || first is '-' or '+' or '.'))
        {
            return Kind.String;
        }

        var clean = plain.Replace("_", string.Empty, StringComparison.Ordinal);
        if (TryParseGoInt(clean, out var integer))
        {
            value = integer;
            return Kind.Int;
        }

        if (FloatPattern().IsMatch(clean) && double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            value = real;
            return Kind.Float;
        }

        if (TimestampPattern().IsMatch(plain))
        {
            return Kind.Timestamp;
        }

        return Kind.String;
    }

    /// <summary>The encoder quotes strings that look like base-60 numbers even though the decoder reads them as strings.</summary>
    public static bool IsBase60Float(string s) => s.Length > 0 && Base60Pattern().IsMatch(s);

    /// <summary>strconv.ParseInt(s, 0, 64): optional sign, then decimal, 0x hex, 0o/0 octal or 0b binary.</summary>
    private static bool TryParseGoInt(string s, out object value)
    {
        value = 0L;
        var negative = s.StartsWith('-');
        var body = s.TrimStart('+', '-');
        if (body.Length == 0 || s.Length - body.Length > 1)
        {
            return false;
        }

        try
        {
            ulong magnitude;
            if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                magnitude = Convert.ToUInt64(body[2..], 16);
            }
            else if (body.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
            {
                magnitude = Convert.ToUInt64(body[2..], 2);
            }
            else if (body.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
            {
                magnitude = Convert.ToUInt64(body[2..], 8);
            }
            else if (body.Length > 1 && body[0] == '0')
            {
                magnitude = Convert.ToUInt64(body, 8);
            }
            else if (!ulong.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude))
            {
                return false;
            }

            if (magnitude > (negative ? 9223372036854775808UL : long.MaxValue))
            {
                return false;
            }

            value = negative ? (magnitude == 9223372036854775808UL ? long.MinValue : -(long)magnitude) : (long)magnitude;
            return true;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    }
}
