namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>A level-triggered controller: looks at one object and moves the world one step towards its spec.</summary>
internal interface IReconciler
{
    string Name { get; }

    /// <summary>Returns when to look again without any change (for time-driven transitions), or null.</summary>
    TimeSpan? Reconcile(string ns, string name);
}
