namespace GitOpsConsole.Helm.Templates;

/// <summary>The function map a template set is parsed and executed with.</summary>
internal sealed class FunctionRegistry
{
    private readonly Dictionary<string, TemplateFunction> _functions = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _functions.Keys;

    public bool Contains(string name) => _functions.ContainsKey(name);

    public bool TryGet(string name, out TemplateFunction function) => _functions.TryGetValue(name, out function!);

    public FunctionRegistry Add(string name, int minArgs, int maxArgs, TemplateFunctionBody body)
    {
        _functions[name] = new TemplateFunction(name, minArgs, maxArgs, body);
        return this;
    }

    /// <summary>Registers a function with a fixed number of arguments.</summary>
    public FunctionRegistry Fixed(string name, int args, TemplateFunctionBody body) => Add(name, args, args, body);

    public FunctionRegistry Variadic(string name, int minArgs, TemplateFunctionBody body) => Add(name, minArgs, -1, body);

    /// <summary>Registers <paramref name="alias"/> as another name for an existing function (Sprig's must* variants).</summary>
    public FunctionRegistry Alias(string alias, string existing)
    {
        var function = _functions[existing];
        _functions[alias] = function with { Name = alias };
        return this;
    }
}
