using System.Globalization;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Type conversion and reflection functions.</summary>
internal static class ConversionFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Fixed("int", 1, (_, a) => Args.ToInt64(a[0]));
        r.Fixed("int64", 1, (_, a) => Args.ToInt64(a[0]));
        r.Fixed("float64", 1, (_, a) => Args.ToFloat64(a[0]));
        r.Fixed("atoi", 1, (_, a) => long.TryParse(Args.String(a, 0), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0L);
        r.Fixed("toDecimal", 1, (_, a) => OctalToDecimal(Args.Str(a[0])));
        r.Fixed("kindOf", 1, (_, a) => GoValues.KindName(a[0]));
        r.Fixed("kindIs", 2, (_, a) => Args.String(a, 0) == GoValues.KindName(a[1]));
        r.Fixed("typeOf", 1, (_, a) => GoValues.TypeName(a[0]));
        r.Fixed("typeIs", 2, (_, a) => Args.String(a, 0) == GoValues.TypeName(a[1]));
        r.Fixed("typeIsLike", 2, (_, a) => Args.String(a, 0) == GoValues.TypeName(a[1]) || Args.String(a, 0) == "*" + GoValues.TypeName(a[1]));
        r.Fixed("deepEqual", 2, (_, a) => ListFunctions.DeepEquals(a[0], a[1]));
        r.Fixed("toBool", 1, (_, a) => ToBool(a[0]));
    }

    private static long OctalToDecimal(string s)
    {
        try
        {
            return Convert.ToInt64(s, 8);
        }
        catch (FormatException)
        {
            return 0;
        }
    }

    private static bool ToBool(object? value) => value switch
    {
        bool b => b,
        string s => s is "1" or "t" or "T" or "true" or "TRUE" or "True",
        long or int => Args.ToInt64(value) != 0,
        double d => d != 0,
        _ => false,
    };
}
