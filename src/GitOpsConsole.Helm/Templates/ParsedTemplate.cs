namespace GitOpsConsole.Helm.Templates;

/// <summary>The result of parsing one file: its own body plus the named templates it defines.</summary>
internal sealed class ParsedTemplate(string name, ListNode root, IReadOnlyDictionary<string, ListNode> defines)
{
    public string Name { get; } = name;

    public ListNode Root { get; } = root;

    public IReadOnlyDictionary<string, ListNode> Defines { get; } = defines;
}
