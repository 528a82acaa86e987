
namespace GitOpsConsole.Core.Operator;

/// <summary>
/// The order objects are applied in: Namespaces, then CustomResourceDefinitions (so what uses them can be
/// created), then everything else in the order given, which is Helm's install order from the renderer.
/// Pruning runs the other way round.
/// </summary>
public static class ApplyOrder
{
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, ResourceKey> key)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(key);

        // OrderBy is stable, so objects of the same rank keep the renderer's order.
        return [.. items.OrderBy(i => Rank(key(i)))];
    }

    private static int Rank(ResourceKey key) => (key.Group, key.Kind) switch
    {
        ("", "Namespace") => 0,
        ("apiextensions.k8s.io", "CustomResourceDefinition") => 1,
        _ => 2,
    };
}
