namespace GitOpsConsole.Helm.Templates;

/// <summary>State shared by a render and every include/tpl it triggers: services and the recursion guard.</summary>
internal sealed class ExecutionShared(RenderServices services)
{
    /// <summary>Helm's limit on nested include of one name; also bounds the C# stack.</summary>
    public const int MaxDepth = 1000;

    public RenderServices Services { get; } = services;

    public int Depth { get; set; }
}
