namespace GitOpsConsole.Sandbox.Kubernetes.Store;

internal enum WatchEventType { Added, Modified, Deleted }

/// <summary>A committed change; Previous lets selector-filtered watches turn moves into ADDED/DELETED.</summary>
internal sealed record WatchEvent(WatchEventType Type, StoredObject Object, StoredObject? Previous)
{
    public long ResourceVersion => Object.ResourceVersion;
}
