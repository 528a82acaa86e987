using System.Collections;
using System.Globalization;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>
/// Argument conversions with the semantics functions rely on: Go's strict typing for typed parameters
/// (<see cref="String"/>, <see cref="Int"/>) and Sprig's lenient casts (<see cref="ToInt64"/>, <see cref="ToFloat64"/>).
/// </summary>
internal static class Args
{
    /// <summary>A Go <c>string</c> parameter: anything but a string is a type error.</summary>
    public static string String(IReadOnlyList<object?> args, int index) =>
        args[index] as string ?? throw FunctionException.WrongType("string", args[index]);

    /// <summary>A Go <c>int</c> parameter.</summary>
    public static int Int(IReadOnlyList<object?> args, int index)
    {
        var value = args[index];
        if (GoValues.TryGetInteger(value, out var l))
        {
            return (int)l;
        }

        throw FunctionException.WrongType("int", value);
    }

    /// <summary>Sprig's strval: how most string functions see a non-string argument.</summary>
    public static string Str(object? value) => value switch
    {
        string s => s,
        byte[] b => System.Text.Encoding.UTF8.GetString(b),
        _ => GoValues.Sprint(value),
    };

    /// <summary>cast.ToInt64: numbers truncate, numeric strings parse, anything else is 0.</summary>
    public static long ToInt64(object? value) => value switch
    {
        long l => l,
        int i => i,
        double d => double.IsFinite(d) ? (long)d : 0,
        bool b => b ? 1 : 0,
        string s => ParseInteger(s),
        _ => 0,
    };

    public static double ToFloat64(object? value) => value switch
    {
        long l => l,
        int i => i,
        double d => d,
        bool b => b ? 1 : 0,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0,
        _ => 0,
    };

    /// <summary>strconv.ParseInt(s, 0, 64) as cast uses it: 0x hex, 0b binary, 0o or leading-0 octal; invalid is 0.</summary>
    private static long ParseInteger(string s)
    {
        var text = s.Trim();
        var negative = text.StartsWith('-');
        var body = text.TrimStart('+', '-');
        try
        {
            var magnitude = body.Length switch
            {
                > 2 when body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => Convert.ToInt64(body[2..], 16),
                > 2 when body.StartsWith("0b", StringComparison.OrdinalIgnoreCase) => Convert.ToInt64(body[2..], 2),
                > 2 when body.StartsWith("0o", StringComparison.OrdinalIgnoreCase) => Convert.ToInt64(body[2..], 8),
                > 1 when body[0] == '0' => Convert.ToInt64(body, 8),
                _ => long.Parse(body, NumberStyles.None, CultureInfo.InvariantCulture),
            };
            return negative ? -magnitude : magnitude;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return 0;
        }
    }

    /// <summary>A list argument as Sprig reads it: any slice; a type error for anything else.</summary>
    public static List<object?> List(object? value, string function)
    {
        return value switch
        {
            List<object?> list => list,
            IList list => list.Cast<object?>().ToList(),
            _ => throw new FunctionException($"Cannot find {function} on type {GoValues.TypeName(value)}"),
        };
    }

    public static IDictionary<string, object?> Map(IReadOnlyList<object?> args, int index) =>
        args[index] as IDictionary<string, object?> ?? throw FunctionException.WrongType("map[string]interface {}", args[index]);

    /// <summary>Sprig's strslice: every element through strval, nils dropped.</summary>
    public static List<string> Strings(object? value) => value switch
    {
        null => [],
        string s => [s],
        IEnumerable e => e.Cast<object?>().Where(v => v is not null).Select(Str).ToList(),
        _ => [Str(value)],
    };
}
