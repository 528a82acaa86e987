namespace GitOpsConsole.Core.Configuration;

/// <summary><c>GitOps:Renderer</c>: who turns an application's chart into manifests.</summary>
public enum RendererKind
{
    /// <summary>The console's own renderer (no external tool).</summary>
    Builtin,

    /// <summary>A <c>helm</c> binary (<c>helm template</c>), like Argo CD's repo-server; start-up fails without one.</summary>
    Helm,
}
