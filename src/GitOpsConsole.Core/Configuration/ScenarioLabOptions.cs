namespace GitOpsConsole.Core.Configuration;

/// <summary>The scenario lab's settings under <c>GitOps:Scenarios</c> (its folder, <c>Directory</c>, is read by the catalog).</summary>
public sealed class ScenarioLabOptions
{
    /// <summary>
    /// How many lab runs (a scenario started alone, or one "Run all") keep their twin worlds; older twins' repositories,
    /// namespaces and registry repositories are deleted at the next lab run and at start. Their runs stay in the store.
    /// </summary>
    public int KeepTwinRuns { get; set; } = 2;
}
