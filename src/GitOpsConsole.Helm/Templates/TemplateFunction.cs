namespace GitOpsConsole.Helm.Templates;

/// <summary>A function callable from templates; <see cref="MaxArgs"/> of -1 means variadic.</summary>
internal delegate object? TemplateFunctionBody(CallContext context, IReadOnlyList<object?> args);

internal sealed record TemplateFunction(string Name, int MinArgs, int MaxArgs, TemplateFunctionBody Invoke)
{
    public string? ArityError(int count)
    {
        if (MaxArgs < 0)
        {
            return count < MinArgs ? $"wrong number of args for {Name}: want at least {MinArgs} got {count}" : null;
        }

        if (count < MinArgs || count > MaxArgs)
        {
            return $"wrong number of args for {Name}: want {MaxArgs} got {count}";
        }

        return null;
    }
}
