namespace GitOpsConsole.Helm.Templates;

/// <summary>What a function may reach while it runs: the executing template (for include and tpl) and the render services.</summary>
internal sealed class CallContext(Executor executor)
{
    public Executor Executor { get; } = executor;

    public RenderServices Services => Executor.Shared.Services;
}
