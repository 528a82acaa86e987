namespace GitOpsConsole.Helm.Output;

/// <summary>A document with the template path it came from and, for hooks, its hook events.</summary>
internal sealed record SortedManifest(string Path, string Content, ManifestHead Head, IReadOnlyList<string> HookEvents)
{
    public bool IsHook => HookEvents.Count > 0;

    public bool IsTest => HookEvents.Contains("test");
}
