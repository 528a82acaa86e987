namespace GitOpsConsole.Core.Domain;

/// <summary>One field of a managed object that differs from Git (or a managed object that is gone).</summary>
public sealed class DriftFinding
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public Application? Application { get; set; }
    public string Group { get; set; } = "";
    public required string Kind { get; set; }
    public string Namespace { get; set; } = "";
    public required string Name { get; set; }
    /// <summary>JSON pointer of the field, e.g. <c>/spec/replicas</c>; empty when the whole object is missing.</summary>
    public string Path { get; set; } = "";
    /// <summary>The value Git wants, as JSON.</summary>
    public string? Desired { get; set; }
    /// <summary>The value in the cluster, as JSON; null when absent.</summary>
    public string? Live { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DriftResolution? Resolution { get; set; }
    /// <summary>Who resolved it: a user name, <c>operator</c>, <c>agent</c> or a run id.</summary>
    public string? ResolvedBy { get; set; }
}

/// <summary>How a drift finding ended.</summary>
public enum DriftResolution
{
    /// <summary>Self-heal re-applied Git.</summary>
    SelfHeal,
    /// <summary>A sync (manual, automated or a run's) re-applied Git.</summary>
    Sync,
    /// <summary>The live value came back to Git's by itself, or Git changed to the live value.</summary>
    Converged,
    /// <summary>A user added an ignore rule for the field.</summary>
    Ignored,
}

/// <summary>A field drift detection leaves alone for one application, like Argo CD's ignoreDifferences.</summary>
public sealed class DriftIgnoreRule
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public string Group { get; set; } = "";
    public required string Kind { get; set; }
    /// <summary>Object name; null matches every object of the kind.</summary>
    public string? Name { get; set; }
    public required string JsonPointer { get; set; }
    /// <summary><c>config</c> for declared rules, otherwise the user who added it.</summary>
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
