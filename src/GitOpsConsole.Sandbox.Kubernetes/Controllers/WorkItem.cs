namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>One object a reconciler should look at: which reconciler, and the object's namespace and name.</summary>
internal readonly record struct WorkItem(string Reconciler, string Namespace, string Name);
