namespace GitOpsConsole.Core.Domain;

/// <summary>
/// A deployable unit: where its desired state lives in Git, what image it runs and how it is
/// deployed. Declared in configuration and mirrored into the store so runs can reference it.
/// </summary>
public sealed class Application
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Environment { get; set; }
    public required string RepositoryUrl { get; set; }
    public string Branch { get; set; } = "main";
    /// <summary>Folder of the chart or plain manifests inside the repository.</summary>
    public string Path { get; set; } = ".";
    public string ValuesFile { get; set; } = "values.yaml";
    /// <summary>YAML path of the image tag inside the values file, e.g. <c>image.tag</c>.</summary>
    public string ImageTagPath { get; set; } = "image.tag";
    public string? ImageRepository { get; set; }
    /// <summary>How an image release picks the tag to deploy; null deploys the released tag as it is.</summary>
    public ImagePolicy? ImagePolicy { get; set; }
    public string Cluster { get; set; } = "in-cluster";
    public required string Namespace { get; set; }
    public DeploymentEngine Engine { get; set; }
    public OperatorKind Operator { get; set; }
    public bool AutomatedSync { get; set; } = true;
    public bool SelfHeal { get; set; }
    public bool Prune { get; set; }
    /// <summary>Every mutating tool call needs a person's approval (production default).</summary>
    public bool RequireApproval { get; set; }
    /// <summary>Self-heal as switched in the console; null = as declared (<see cref="SelfHeal"/>).</summary>
    public bool? SelfHealOverride { get; set; }
    /// <summary>How long a deployment may take to become Healthy before the run fails or rolls back.</summary>
    public int HealthTimeoutSeconds { get; set; } = 300;
    /// <summary>How the image updater writes to Git: straight to the branch, or through a branch that is merged.</summary>
    public WriteBackMode WriteBack { get; set; }
    /// <summary>A Degraded or timed-out deployment is reverted in Git (and synced) instead of left failed.</summary>
    public bool RollbackOnFailure { get; set; } = true;
    /// <summary>Self-heal in effect: the console's switch when set, else the declared policy.</summary>
    public bool EffectiveSelfHeal => SelfHealOverride ?? SelfHeal;
    /// <summary>Declared in configuration, or created at run time by the scenario lab (kept off the everyday pages).</summary>
    public ApplicationOrigin Origin { get; set; }
    /// <summary>When the console removed the application's world (a scenario twin's repository, namespace, images); its runs stay.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
