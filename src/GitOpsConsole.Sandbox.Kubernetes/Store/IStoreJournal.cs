namespace GitOpsConsole.Sandbox.Kubernetes.Store;

/// <summary>Receives every committed change, in order, while the store's write lock is held.</summary>
internal interface IStoreJournal
{
    void Put(StoredObject stored);

    void Delete(StoredObject removed, long resourceVersion);

    /// <summary>True when the journal would like to be folded into a snapshot of the current state.</summary>
    bool WantsCompaction { get; }

    void Compact(IEnumerable<StoredObject> objects, long resourceVersion);
}
