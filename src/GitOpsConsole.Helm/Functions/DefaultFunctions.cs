using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>default, empty, coalesce, ternary, required, fail.</summary>
internal static class DefaultFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Variadic("default", 1, (_, a) => Default(a));
        r.Fixed("empty", 1, (_, a) => IsEmpty(a[0]));
        r.Variadic("coalesce", 0, (_, a) => a.FirstOrDefault(v => !IsEmpty(v)));
        r.Variadic("all", 0, (_, a) => a.All(v => !IsEmpty(v)));
        r.Variadic("any", 0, (_, a) => a.Any(v => !IsEmpty(v)));
        r.Fixed("ternary", 3, (_, a) => a[2] is bool b ? (b ? a[0] : a[1]) : throw FunctionException.WrongType("bool", a[2]));
        r.Fixed("required", 2, (_, a) => Required(Args.String(a, 0), a[1]));
        r.Fixed("fail", 1, (_, a) => throw UserFailure(Args.String(a, 0)));
    }

    /// <summary>Sprig's empty: nil, zero numbers, false, and empty strings, lists and maps.</summary>
    public static bool IsEmpty(object? value) => !GoValues.IsTrue(value);

    /// <summary>default DEFAULT GIVEN: the piped value is the last argument; missing or empty means DEFAULT.</summary>
    private static object? Default(IReadOnlyList<object?> args)
    {
        if (args.Count == 1)
        {
            return args[0];
        }

        return IsEmpty(args[1]) ? args[0] : args[1];
    }

    private static object? Required(string message, object? value)
    {
        if (value is null || value is string { Length: 0 })
        {
            throw UserFailure(message);
        }

        return value;
    }

    private static FunctionException UserFailure(string message) => new(message) { UserMessage = message };
}
