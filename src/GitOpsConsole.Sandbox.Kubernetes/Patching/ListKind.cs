namespace GitOpsConsole.Sandbox.Kubernetes.Patching;

/// <summary>How a list merges: replaced whole, merged by a key field, or merged as a set of scalars.</summary>
internal readonly record struct ListKind(ListMerge Merge, string? Key)
{
    public static ListKind Atomic { get; } = new(ListMerge.Atomic, null);

    public static ListKind Set { get; } = new(ListMerge.Set, null);

    public static ListKind Keyed(string key) => new(ListMerge.Keyed, key);
}

internal enum ListMerge { Atomic, Keyed, Set }
