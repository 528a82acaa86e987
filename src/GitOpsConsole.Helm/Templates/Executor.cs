using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace GitOpsConsole.Helm.Templates;

/// <summary>Executes parsed templates with Go text/template semantics (missingkey=zero, as Helm configures it).</summary>
internal sealed partial class Executor
{
    private static readonly object Missing = new();
    private readonly List<KeyValuePair<string, object?>> _vars = [];
    private readonly StringBuilder _out = new();
    private string _name;

    public Executor(TemplateSet set, ExecutionShared shared, string name)
    {
        Set = set;
        Shared = shared;
        _name = name;
    }

    private enum Flow
    {
        Normal,
        Break,
        Continue,
    }

    public TemplateSet Set { get; }

    public ExecutionShared Shared { get; }

    /// <summary>The name of the template being executed (tpl parses its text under this name, like Helm).</summary>
    public string Name => _name;

    /// <summary>Runs the named template with <paramref name="data"/> as dot and $, returning its output.</summary>
    public string Execute(string name, object? data)
    {
        if (!Set.TryGet(name, out var body))
        {
            throw new FunctionException($"template: no template \"{name}\" associated with template \"gotpl\"");
        }

        var executor = new Executor(Set, Shared, name);
        executor._vars.Add(new("$", data));
        Shared.Depth++;
        try
        {
            if (Shared.Depth > ExecutionShared.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                // Deep include recursion would otherwise overflow the stack, which no caller could catch.
                throw new FunctionException($"rendering template has a nested reference name: {name}: unable to execute template");
            }

            executor.Walk(data, body);
        }
        finally
        {
            Shared.Depth--;
        }

        return executor._out.ToString();
    }

    private Flow Walk(object? dot, Node node)
    {
        switch (node)
        {
            case TextNode text:
                _out.Append(text.Text);
                return Flow.Normal;
            case ListNode list:
                foreach (var child in list.Nodes)
                {
                    var flow = Walk(dot, child);
                    if (flow != Flow.Normal)
                    {
                        return flow;
                    }
                }

                return Flow.Normal;
            case ActionNode action:
                var value = EvalPipeline(dot, action.Pipe);
                if (action.Pipe.Decl.Count == 0)
                {
                    _out.Append(GoValues.PrintAction(value));
                }

                return Flow.Normal;
            case BranchNode { Kind: BranchKind.Range } range:
                return WalkRange(dot, range);
            case BranchNode branch:
                return WalkIfOrWith(dot, branch);
            case TemplateNode template:
                WalkTemplate(dot, template);
                return Flow.Normal;
            case LoopControlNode control:
                return control.IsBreak ? Flow.Break : Flow.Continue;
            default:
                throw Error(node, $"unknown node: {node}");
        }
    }

    private Flow WalkIfOrWith(object? dot, BranchNode branch)
    {
        var mark = _vars.Count;
        try
        {
            var value = EvalPipeline(dot, branch.Pipe);
            if (GoValues.IsTrue(value))
            {
                return Walk(branch.Kind == BranchKind.With ? value : dot, branch.List);
            }

            return branch.ElseList is null ? Flow.Normal : Walk(dot, branch.ElseList);
        }
        finally
        {
            Pop(mark);
        }
    }

    private Flow WalkRange(object? dot, BranchNode range)
    {
        var mark = _vars.Count;
        try
        {
            var value = EvalPipeline(dot, range.Pipe);
            var afterDecl = _vars.Count;
            var any = false;
            foreach (var (index, element) in Iterate(range, value))
            {
                any = true;
                SetRangeVariables(range.Pipe, afterDecl, index, element);
                var flow = Walk(element, range.List);
                Pop(afterDecl);
                if (flow == Flow.Break)
                {
                    break;
                }
            }

            if (!any && range.ElseList is not null)
            {
                return Walk(dot, range.ElseList);
            }

            return Flow.Normal;
        }
        finally
        {
            Pop(mark);
        }
    }

    private IEnumerable<(object? Index, object? Element)> Iterate(BranchNode range, object? value)
    {
        switch (value)
        {
            case null:
                yield break;
            case IDictionary<string, object?> map:
                foreach (var key in GoValues.SortedKeys(map))
                {
                    yield return (key, map[key]);
                }

                break;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    yield return (i, list[i]);
                }

                break;
            case IRangeable rangeable:
                foreach (var entry in rangeable.Entries)
                {
                    yield return (entry.Key, entry.Value);
                }

                break;
            case long or int:
                GoValues.TryGetInteger(value, out var count);
                for (long i = 0; i < count; i++)
                {
                    yield return (i, i);
                }

                break;
            default:
                throw Error(range, $"range can't iterate over {GoValues.Sprint(value)}");
        }
    }

    private void SetRangeVariables(PipeNode pipe, int afterDecl, object? index, object? element)
    {
        var count = pipe.Decl.Count;
        if (count == 0)
        {
            return;
        }

        if (pipe.IsAssign)
        {
            if (count > 1)
            {
                SetVar(pipe.Decl[0], index);
                SetVar(pipe.Decl[1], element);
            }
            else
            {
                SetVar(pipe.Decl[0], element);
            }

            return;
        }

        _vars[afterDecl - 1] = new(_vars[afterDecl - 1].Key, element);
        if (count > 1)
        {
            _vars[afterDecl - 2] = new(_vars[afterDecl - 2].Key, index);
        }
    }

    private void WalkTemplate(object? dot, TemplateNode node)
    {
        if (!Set.TryGet(node.Name, out var body))
        {
            throw Error(node, $"template \"{node.Name}\" not defined");
        }

        var newDot = node.Pipe is null ? null : EvalPipeline(dot, node.Pipe);
        var savedVars = _vars.ToList();
        var savedName = _name;
        _vars.Clear();
        _vars.Add(new("$", newDot));
        _name = node.Name;
        Shared.Depth++;
        try
        {
            if (Shared.Depth > ExecutionShared.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw Error(node, $"exceeded maximum template depth ({ExecutionShared.MaxDepth})");
            }

            Walk(newDot, body);
        }
        finally
        {
            Shared.Depth--;
            _name = savedName;
            _vars.Clear();
            _vars.AddRange(savedVars);
        }
    }

    private void Pop(int mark)
    {
        if (_vars.Count > mark)
        {
            _vars.RemoveRange(mark, _vars.Count - mark);
        }
    }

    private void SetVar(VariableNode variable, object? value)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Key == variable.Name)
            {
                _vars[i] = new(variable.Name, value);
                return;
            }
        }

        throw Error(variable, $"undefined variable: {variable.Name}");
    }

    private object? GetVar(VariableNode variable)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Key == variable.Name)
            {
                return _vars[i].Value;
            }
        }

        throw Error(variable, $"undefined variable: {variable.Name}");
    }

    private TemplateExecException Error(Node node, string cause, string? userMessage = null)
    {
        var context = node.ToString() ?? string.Empty;
        if (context.Length > 20)
        {
            context = context[..20] + "...";
        }

        var location = node.Source.Location(node.Pos);
        return new TemplateExecException($"template: {location}: executing \"{_name}\" at <{context}>: {cause}", location, userMessage);
    }
}
