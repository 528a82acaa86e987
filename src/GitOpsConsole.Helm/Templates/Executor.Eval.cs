namespace GitOpsConsole.Helm.Templates;

/// <summary>Evaluation of pipelines, commands, fields and function calls.</summary>
internal sealed partial class Executor
{
    private object? EvalPipeline(object? dot, PipeNode pipe)
    {
        object? value = Missing;
        foreach (var command in pipe.Commands)
        {
            value = EvalCommand(dot, command, value);
        }

        foreach (var variable in pipe.Decl)
        {
            if (pipe.IsAssign)
            {
                SetVar(variable, value);
            }
            else
            {
                _vars.Add(new(variable.Name, value));
            }
        }

        return value;
    }

    private object? EvalCommand(object? dot, CommandNode command, object? final)
    {
        var first = command.Args[0];
        switch (first)
        {
            case FieldNode field:
                return EvalFieldChain(dot, dot, field, field.Idents, command.Args, final);
            case ChainNode chain:
                return EvalChain(dot, chain, command.Args, final);
            case IdentifierNode identifier:
                return EvalFunction(dot, identifier, command, command.Args, final);
            case VariableNode variable:
                return EvalVariable(dot, variable, command.Args, final);
        }

        NotAFunction(first, command.Args, final);
        return first switch
        {
            PipeNode pipe => EvalPipeline(dot, pipe),
            LiteralNode literal => literal.Value,
            DotNode => dot,
            NilNode => throw Error(first, "nil is not a command"),
            _ => throw Error(first, $"can't evaluate command {first}"),
        };
    }

    private void NotAFunction(Node node, List<Node> args, object? final)
    {
        if (args.Count > 1 || final != Missing)
        {
            throw Error(node, $"can't give argument to non-function {args[0]}");
        }
    }

    private object? EvalArg(object? dot, Node node) => node switch
    {
        DotNode => dot,
        NilNode => null,
        LiteralNode literal => literal.Value,
        FieldNode field => EvalFieldChain(dot, dot, field, field.Idents, null, Missing),
        VariableNode variable => EvalVariable(dot, variable, null, Missing),
        PipeNode pipe => EvalPipeline(dot, pipe),
        IdentifierNode identifier => EvalFunction(dot, identifier, identifier, [identifier], Missing),
        ChainNode chain => EvalChain(dot, chain, null, Missing),
        _ => throw Error(node, $"can't handle {node} for arg"),
    };

    private object? EvalVariable(object? dot, VariableNode variable, List<Node>? args, object? final)
    {
        var value = GetVar(variable);
        if (variable.Fields.Length == 0)
        {
            if (args is not null)
            {
                NotAFunction(variable, args, final);
            }

            return value;
        }

        return EvalFieldChain(dot, value, variable, variable.Fields, args, final);
    }

    private object? EvalChain(object? dot, ChainNode chain, List<Node>? args, object? final)
    {
        var receiver = EvalArg(dot, chain.Target);
        return EvalFieldChain(dot, receiver, chain, chain.Fields, args, final);
    }

    private object? EvalFieldChain(object? dot, object? receiver, Node node, string[] idents, List<Node>? args, object? final)
    {
        for (var i = 0; i < idents.Length - 1; i++)
        {
            receiver = EvalField(dot, idents[i], node, null, Missing, receiver);
        }

        return EvalField(dot, idents[^1], node, args, final, receiver);
    }

    private object? EvalField(object? dot, string field, Node node, List<Node>? args, object? final, object? receiver)
    {
        var hasArgs = (args is not null && args.Count > 1) || final != Missing;
        switch (receiver)
        {
            case null:
                throw Error(node, $"nil pointer evaluating interface {{}}.{field}");
            case IHostObject host:
                var values = EvalArgs(dot, args, final);
                try
                {
                    if (host.TryInvoke(field, values, out var result))
                    {
                        return result;
                    }
                }
                catch (FunctionException ex)
                {
                    throw Error(node, ex.IsTypeError ? ex.Message : $"error calling {field}: {ex.Message}");
                }

                throw Error(node, $"can't evaluate field {field} in type {host.GoTypeName}");
            case IDictionary<string, object?> map:
                if (hasArgs)
                {
                    throw Error(node, $"{field} is not a method but has arguments");
                }

                return map.TryGetValue(field, out var value) ? value : null;
            default:
                throw Error(node, $"can't evaluate field {field} in type {GoValues.TypeName(receiver)}");
        }
    }

    private List<object?> EvalArgs(object? dot, List<Node>? args, object? final)
    {
        var values = new List<object?>();
        if (args is not null)
        {
            for (var i = 1; i < args.Count; i++)
            {
                values.Add(EvalArg(dot, args[i]));
            }
        }

        if (final != Missing)
        {
            values.Add(final);
        }

        return values;
    }

    private object? EvalFunction(object? dot, IdentifierNode identifier, Node command, List<Node> args, object? final)
    {
        var name = identifier.Name;
        if (name is "and" or "or")
        {
            return EvalShortCircuit(dot, identifier, args, final, name == "and");
        }

        if (!Set.Functions.TryGet(name, out var function))
        {
            throw Error(identifier, $"\"{name}\" is not a defined function");
        }

        var values = EvalArgs(dot, args, final);
        var arity = function.ArityError(values.Count);
        if (arity is not null)
        {
            throw Error(identifier, arity);
        }

        // Errors are rethrown after the catch block: a throw inside a catch handler runs on top of the
        // failed frames, and with deep include recursion that stacking alone can overflow the stack.
        TemplateExecException failure;
        try
        {
            return function.Invoke(new CallContext(this), values);
        }
        catch (FunctionException ex)
        {
            failure = Error(ex.IsTypeError ? identifier : command, ex.IsTypeError ? ex.Message : $"error calling {name}: {ex.Message}", ex.UserMessage);
        }
        catch (TemplateExecException ex)
        {
            failure = Error(command, $"error calling {name}: {ex.Message}", ex.UserMessage);
        }

        throw failure;
    }

    /// <summary>Go 1.18+: and/or stop at the first deciding operand and return it, not a bool.</summary>
    private object? EvalShortCircuit(object? dot, IdentifierNode identifier, List<Node> args, object? final, bool isAnd)
    {
        var count = args.Count - 1 + (final != Missing ? 1 : 0);
        if (count < 1)
        {
            throw Error(identifier, $"wrong number of args for {identifier.Name}: want at least 1 got 0");
        }

        object? value = null;
        for (var i = 1; i <= count; i++)
        {
            value = i < args.Count ? EvalArg(dot, args[i]) : final;
            if (GoValues.IsTrue(value) != isAnd)
            {
                return value;
            }
        }

        return value;
    }
}
