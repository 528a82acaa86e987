using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Everything a Helm template can call: Go builtins, Sprig (minus env/expandenv) and Helm's own functions.</summary>
internal static class HelmFunctionMap
{
    private static readonly Lazy<FunctionRegistry> Shared = new(Create);

    /// <summary>The registry is immutable after creation, so one instance serves every render.</summary>
    public static FunctionRegistry Instance => Shared.Value;

    private static FunctionRegistry Create()
    {
        var registry = new FunctionRegistry();
        BuiltinFunctions.Register(registry);
        StringFunctions.Register(registry);
        StringCaseFunctions.Register(registry);
        RegexFunctions.Register(registry);
        EncodingFunctions.Register(registry);
        DefaultFunctions.Register(registry);
        ListFunctions.Register(registry);
        DictFunctions.Register(registry);
        ConversionFunctions.Register(registry);
        MathFunctions.Register(registry);
        SemverFunctions.Register(registry);
        DateFunctions.Register(registry);
        PathFunctions.Register(registry);
        HelmFunctions.Register(registry);
        return registry;
    }
}
