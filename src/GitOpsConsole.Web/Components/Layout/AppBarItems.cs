namespace GitOpsConsole.Web.Components.Layout;

/// <summary>
/// Components that features add to the app bar (the agent's pending-questions badge, for one),
/// so the layout does not have to know every feature.
/// </summary>
public sealed class AppBarItems
{
    private readonly List<Type> _components = [];

    public IReadOnlyList<Type> Components => _components;

    public void Add<TComponent>() where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        _components.Add(typeof(TComponent));
}
