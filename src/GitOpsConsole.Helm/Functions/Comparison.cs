using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Go text/template's eq/lt: basic kinds only, no mixing of ints and floats.</summary>
internal static class Comparison
{
    private enum Kind
    {
        Invalid,
        Bool,
        Int,
        Float,
        String,
        Other,
    }

    private static Kind KindOf(object? value) => value switch
    {
        null => Kind.Invalid,
        bool => Kind.Bool,
        long or int => Kind.Int,
        double => Kind.Float,
        string => Kind.String,
        _ => Kind.Other,
    };

    public static bool Equal(object? a, IReadOnlyList<object?> others)
    {
        if (others.Count == 0)
        {
            throw new FunctionException("missing argument for comparison");
        }

        var k1 = KindOf(a);
        foreach (var b in others)
        {
            var k2 = KindOf(b);
            if (k1 != k2)
            {
                if (a is not null && b is not null)
                {
                    throw new FunctionException("incompatible types for comparison");
                }

                continue;
            }

            var truth = k1 switch
            {
                Kind.Invalid => true,
                Kind.Bool => (bool)a! == (bool)b!,
                Kind.Int => Args.ToInt64(a) == Args.ToInt64(b),
                Kind.Float => (double)a! == (double)b!,
                Kind.String => (string)a! == (string)b!,
                _ => throw new FunctionException($"non-comparable type {GoValues.Sprint(a)}: {GoValues.TypeName(a)}"),
            };
            if (truth)
            {
                return true;
            }
        }

        return false;
    }

    public static bool Less(object? a, object? b)
    {
        var k1 = KindOf(a);
        var k2 = KindOf(b);
        if (k1 is Kind.Invalid or Kind.Other or Kind.Bool || k2 is Kind.Invalid or Kind.Other or Kind.Bool)
        {
            throw new FunctionException("invalid type for comparison");
        }

        if (k1 != k2)
        {
            throw new FunctionException("incompatible types for comparison");
        }

        return k1 switch
        {
            Kind.Int => Args.ToInt64(a) < Args.ToInt64(b),
            Kind.Float => (double)a! < (double)b!,
            _ => string.CompareOrdinal((string)a!, (string)b!) < 0,
        };
    }
}
