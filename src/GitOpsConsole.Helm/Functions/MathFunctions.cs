using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Integer math on int64 (Sprig casts every operand) and float math on float64.</summary>
internal static class MathFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Variadic("add", 0, (_, a) => a.Sum(Args.ToInt64));
        r.Fixed("add1", 1, (_, a) => Args.ToInt64(a[0]) + 1);
        r.Fixed("sub", 2, (_, a) => Args.ToInt64(a[0]) - Args.ToInt64(a[1]));
        r.Variadic("mul", 1, (_, a) => a.Aggregate(1L, (acc, v) => acc * Args.ToInt64(v)));
        r.Fixed("div", 2, (_, a) => Divide(Args.ToInt64(a[0]), Args.ToInt64(a[1])));
        r.Fixed("mod", 2, (_, a) => Args.ToInt64(a[1]) == 0 ? throw new FunctionException("integer divide by zero") : Args.ToInt64(a[0]) % Args.ToInt64(a[1]));
        r.Variadic("max", 1, (_, a) => a.Max(Args.ToInt64));
        r.Variadic("min", 1, (_, a) => a.Min(Args.ToInt64));
        r.Variadic("addf", 0, (_, a) => a.Sum(Args.ToFloat64));
        r.Fixed("add1f", 1, (_, a) => Args.ToFloat64(a[0]) + 1);
        r.Fixed("subf", 2, (_, a) => Args.ToFloat64(a[0]) - Args.ToFloat64(a[1]));
        r.Variadic("mulf", 1, (_, a) => a.Aggregate(1.0, (acc, v) => acc * Args.ToFloat64(v)));
        r.Fixed("divf", 2, (_, a) => Args.ToFloat64(a[0]) / Args.ToFloat64(a[1]));
        r.Variadic("maxf", 1, (_, a) => a.Max(Args.ToFloat64));
        r.Variadic("minf", 1, (_, a) => a.Min(Args.ToFloat64));
        r.Fixed("floor", 1, (_, a) => Math.Floor(Args.ToFloat64(a[0])));
        r.Fixed("ceil", 1, (_, a) => Math.Ceiling(Args.ToFloat64(a[0])));
        r.Variadic("round", 2, (_, a) => Round(Args.ToFloat64(a[0]), Args.Int(a, 1), a.Count > 2 ? Args.ToFloat64(a[2]) : 0.5));
    }

    private static long Divide(long a, long b) => b == 0 ? throw new FunctionException("integer divide by zero") : a / b;

    /// <summary>Sprig's round: half-up at the given precision with a configurable round-on point.</summary>
    private static double Round(double value, int precision, double roundOn)
    {
        var pow = Math.Pow(10, precision);
        var digit = pow * value;
        var (integer, fraction) = (Math.Truncate(digit), digit - Math.Truncate(digit));
        var rounded = fraction >= roundOn ? Math.Ceiling(digit) : integer;
        return rounded / pow;
    }
}
