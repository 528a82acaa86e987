using YamlDotNet.Core;

namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>A node of the parsed file with where it sits in the text; offsets are UTF-16 indexes into the original text.</summary>
internal abstract class YamlSourceNode(int start, int line, int column, string? anchor)
{
    /// <summary>Offset of the node's first character (its anchor or tag when it has one).</summary>
    public int Start { get; } = start;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string? Anchor { get; } = anchor;

    /// <summary>Set when some alias (or merge key) in the file refers to this node: editing it would change them too.</summary>
    public bool IsAliased { get; set; }
}

internal sealed class YamlScalarNode(int start, int end, int line, int column, string? anchor, string? tag, string value, ScalarStyle style, bool inFlow)
    : YamlSourceNode(start, line, column, anchor)
{
    /// <summary>Offset just past the scalar's last character (closing quote included).</summary>
    public int End { get; } = end;

    public string? Tag { get; } = tag;

    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>Inside a flow collection, where , [ ] { } also end a plain scalar.</summary>
    public bool InFlow { get; } = inFlow;

    public bool IsBlock => Style is ScalarStyle.Literal or ScalarStyle.Folded;
}

internal sealed class YamlMappingNode(int start, int line, int column, string? anchor) : YamlSourceNode(start, line, column, anchor)
{
    public List<KeyValuePair<YamlSourceNode, YamlSourceNode>> Entries { get; } = [];
}

internal sealed class YamlSequenceNode(int start, int line, int column, string? anchor) : YamlSourceNode(start, line, column, anchor)
{
    public List<YamlSourceNode> Items { get; } = [];
}

internal sealed class YamlAliasNode(int start, int line, int column, string name) : YamlSourceNode(start, line, column, null)
{
    public string Name { get; } = name;
}
