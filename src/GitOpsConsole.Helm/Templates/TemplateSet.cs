namespace GitOpsConsole.Helm.Templates;

/// <summary>
/// Named templates sharing one namespace, as Go's associated templates do: every file and every define lives here,
/// and a later definition of the same name replaces the earlier one.
/// </summary>
internal sealed class TemplateSet(FunctionRegistry functions)
{
    private readonly Dictionary<string, ListNode> _templates = new(StringComparer.Ordinal);

    public FunctionRegistry Functions { get; } = functions;

    public ParsedTemplate Parse(string name, string text)
    {
        var parsed = Parser.Parse(name, text, Functions.Contains);
        Add(parsed);
        return parsed;
    }

    public void Add(ParsedTemplate parsed)
    {
        _templates[parsed.Name] = parsed.Root;
        foreach (var (name, body) in parsed.Defines)
        {
            _templates[name] = body;
        }
    }

    public bool TryGet(string name, out ListNode body) => _templates.TryGetValue(name, out body!);

    public TemplateSet Clone()
    {
        var clone = new TemplateSet(Functions);
        foreach (var (name, body) in _templates)
        {
            clone._templates[name] = body;
        }

        return clone;
    }
}
