namespace GitOpsConsole.Helm.Templates;

/// <summary>Parse tree nodes; <see cref="object.ToString"/> renders them the way Go quotes them in error messages.</summary>
internal abstract class Node(SourceText source, int pos)
{
    public SourceText Source { get; } = source;

    public int Pos { get; } = pos;
}

internal sealed class ListNode(SourceText source, int pos) : Node(source, pos)
{
    public List<Node> Nodes { get; } = [];

    public override string ToString() => string.Concat(Nodes.Select(n => n.ToString()));
}

internal sealed class TextNode(SourceText source, int pos, string text) : Node(source, pos)
{
    public string Text { get; } = text;

    public override string ToString() => Text;
}

internal sealed class ActionNode(SourceText source, int pos, PipeNode pipe) : Node(source, pos)
{
    public PipeNode Pipe { get; } = pipe;

    public override string ToString() => "{{" + Pipe + "}}";
}

internal sealed class PipeNode(SourceText source, int pos) : Node(source, pos)
{
    public List<VariableNode> Decl { get; } = [];

    public bool IsAssign { get; set; }

    public List<CommandNode> Commands { get; } = [];

    public override string ToString()
    {
        var decl = Decl.Count == 0 ? string.Empty : string.Join(", ", Decl) + (IsAssign ? " = " : " := ");
        return decl + string.Join(" | ", Commands);
    }
}

internal sealed class CommandNode(SourceText source, int pos) : Node(source, pos)
{
    public List<Node> Args { get; } = [];

    public override string ToString() =>
        string.Join(" ", Args.Select(a => a is PipeNode ? "(" + a + ")" : a.ToString()));
}

internal enum BranchKind
{
    If,
    Range,
    With,
}

internal sealed class BranchNode(SourceText source, int pos, BranchKind kind, PipeNode pipe, ListNode list, ListNode? elseList) : Node(source, pos)
{
    public BranchKind Kind { get; } = kind;

    public PipeNode Pipe { get; } = pipe;

    public ListNode List { get; } = list;

    public ListNode? ElseList { get; } = elseList;

    public override string ToString() => "{{" + Kind.ToString().ToLowerInvariant() + " " + Pipe + "}}";
}

internal sealed class TemplateNode(SourceText source, int pos, string name, PipeNode? pipe) : Node(source, pos)
{
    public string Name { get; } = name;

    public PipeNode? Pipe { get; } = pipe;

    public override string ToString() => $"{{{{template \"{Name}\"{(Pipe is null ? string.Empty : " " + Pipe)}}}}}";
}

internal sealed class LoopControlNode(SourceText source, int pos, bool isBreak) : Node(source, pos)
{
    public bool IsBreak { get; } = isBreak;

    public override string ToString() => IsBreak ? "{{break}}" : "{{continue}}";
}

internal sealed class FieldNode(SourceText source, int pos, string[] idents) : Node(source, pos)
{
    public string[] Idents { get; } = idents;

    public override string ToString() => "." + string.Join(".", Idents);
}

internal sealed class ChainNode(SourceText source, int pos, Node target, string[] fields) : Node(source, pos)
{
    public Node Target { get; } = target;

    public string[] Fields { get; } = fields;

    public override string ToString() =>
        (Target is PipeNode ? "(" + Target + ")" : Target.ToString()) + "." + string.Join(".", Fields);
}

/// <summary>A variable with optional field chain: <c>$x.a.b</c> has Name <c>$x</c> and Fields <c>a, b</c>.</summary>
internal sealed class VariableNode(SourceText source, int pos, string name, string[] fields) : Node(source, pos)
{
    public string Name { get; } = name;

    public string[] Fields { get; } = fields;

    public override string ToString() => Fields.Length == 0 ? Name : Name + "." + string.Join(".", Fields);
}

internal sealed class DotNode(SourceText source, int pos) : Node(source, pos)
{
    public override string ToString() => ".";
}

internal sealed class NilNode(SourceText source, int pos) : Node(source, pos)
{
    public override string ToString() => "nil";
}

internal sealed class IdentifierNode(SourceText source, int pos, string name) : Node(source, pos)
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

/// <summary>A literal constant (string, number, bool, char) with the exact source text kept for error messages.</summary>
internal sealed class LiteralNode(SourceText source, int pos, object value, string text) : Node(source, pos)
{
    public object Value { get; } = value;

    public override string ToString() => text;
}
