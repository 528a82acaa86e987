namespace GitOpsConsole.Sandbox.Kubernetes.Store;

/// <summary>Receives every committed change, in order, while the store's write lock is held.</summary>
internal interface IStoreJournal
{
    void Put(StoredObject stored);

    void Delete(StoredObject removed, long resourceVersion);
}
