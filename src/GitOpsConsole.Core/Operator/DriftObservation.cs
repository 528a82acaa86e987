namespace GitOpsConsole.Core.Operator;

/// <summary>One difference seen now: a field (JSON pointer) whose live value is not Git's, or a whole object gone (empty path).</summary>
public sealed record DriftObservation(ResourceKey Resource, string Path, string? Desired, string? Live)
{
    /// <summary>
    /// The drift in an inspection: modified fields and missing objects. Objects the application owns that left
    /// Git are pruning's business (RequiresPruning), not drift.
    /// </summary>
    public static IReadOnlyList<DriftObservation> From(ApplicationInspection inspection)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var observed = new List<DriftObservation>();
        foreach (var item in inspection.Objects)
        {
            switch (item.Diff?.Kind)
            {
                case ResourceDiffKind.Modified:
                    observed.AddRange(item.Diff.Fields.Select(f => new DriftObservation(item.Key, DriftPointer.FromPath(f.Path), f.Desired, f.Live)));
                    break;
                case ResourceDiffKind.Missing:
                    observed.Add(new DriftObservation(item.Key, "", item.Desired?.ToJsonString(), null));
                    break;
            }
        }

        return observed;
    }
}
