using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Configuration;

/// <summary>One entry of <c>GitOps:Applications</c>.</summary>
public sealed class ApplicationOptions
{
    public string Name { get; set; } = "";
    public string Environment { get; set; } = "";
    /// <summary>Clone URL, or <c>sandbox:&lt;name&gt;</c> for a repository of the built-in Git host.</summary>
    public string Repository { get; set; } = "";
    public string Branch { get; set; } = "main";
    public string Path { get; set; } = ".";
    public string ValuesFile { get; set; } = "values.yaml";
    public string ImageTagPath { get; set; } = "image.tag";
    public string? ImageRepository { get; set; }
    /// <summary>How an image release picks the tag to deploy; absent = the released tag as it is.</summary>
    public ImagePolicyOptions? ImagePolicy { get; set; }
    public string Cluster { get; set; } = "in-cluster";
    /// <summary>Target namespace; defaults to the application's name.</summary>
    public string? Namespace { get; set; }
    public DeploymentEngine Engine { get; set; } = DeploymentEngine.Workflow;
    public OperatorKind Operator { get; set; } = OperatorKind.Embedded;
    /// <summary>With <c>Operator: ArgoCd</c>: how Argo CD knows the application.</summary>
    public ApplicationArgoCdOptions ArgoCd { get; set; } = new();
    public SyncPolicyOptions SyncPolicy { get; set; } = new();
    public bool RequireApproval { get; set; }
    /// <summary>Seconds a deployment may take to become Healthy (default 5 min).</summary>
    public int HealthTimeoutSeconds { get; set; } = 300;
    /// <summary><c>Direct</c> (default) or <c>PullRequest</c>: the image updater's commit goes through a branch and a merge.</summary>
    public WriteBackMode WriteBack { get; set; } = WriteBackMode.Direct;
    /// <summary>Revert the deploy commit when the new version is Degraded or times out (default on).</summary>
    public bool RollbackOnFailure { get; set; } = true;
    /// <summary>Fields drift detection ignores, like Argo CD's <c>ignoreDifferences</c>.</summary>
    public List<IgnoreDifferenceOptions> IgnoreDifferences { get; set; } = [];

    /// <summary>The CI that builds the application's commits into images.</summary>
    public ApplicationCiOptions Ci { get; set; } = new();

    /// <summary>
    /// Where each run is reported as a commit status: <c>Auto</c> (the sandbox host for <c>sandbox:</c>
    /// repositories, GitHub for repositories on GitHub's host, none otherwise), <c>Sandbox</c>, <c>GitHub</c> or <c>None</c>.
    /// </summary>
    public string CommitStatus { get; set; } = CommitStatusProviders.Auto;

    /// <summary><c>owner/name</c> on GitHub, when the repository URL does not say (a mirror or a local path).</summary>
    public string? GitHubRepository { get; set; }
}

/// <summary><c>GitOps:Applications:N:Ci</c>: which CI builds the application and, on GitHub Actions, how.</summary>
public sealed class ApplicationCiOptions
{
    /// <summary><c>Sandbox</c> (default: the built-in runner, for <c>sandbox:</c> repositories) or <c>GitHubActions</c>.</summary>
    public string Provider { get; set; } = CiProviders.Sandbox;

    /// <summary>The workflow file; unset = <c>GitOps:GitHub:Actions:Workflow</c>.</summary>
    public string? Workflow { get; set; }

    /// <summary>The ref the workflow is dispatched on; unset = the application's branch.</summary>
    public string? Ref { get; set; }

    /// <summary>Extra <c>workflow_dispatch</c> inputs, besides the commit and the request id.</summary>
    public Dictionary<string, string> Inputs { get; set; } = [];
}

public static class CiProviders
{
    public const string Sandbox = "Sandbox";
    public const string GitHubActions = "GitHubActions";
    public static readonly IReadOnlyList<string> All = [Sandbox, GitHubActions];
}

public static class CommitStatusProviders
{
    public const string Auto = "Auto";
    public const string Sandbox = "Sandbox";
    public const string GitHub = "GitHub";
    public const string None = "None";
    public static readonly IReadOnlyList<string> All = [Auto, Sandbox, GitHub, None];
}

/// <summary><c>GitOps:Applications:&lt;i&gt;:ImagePolicy</c>: Argo CD Image Updater's strategy and tag filters.</summary>
public sealed class ImagePolicyOptions
{
    /// <summary><c>semver</c>, <c>newest-build</c>, <c>alphabetical</c> or <c>digest</c> (Image Updater's aliases <c>latest</c> and <c>name</c> too).</summary>
    public string Strategy { get; set; } = "semver";
    /// <summary>Semver: a constraint such as <c>~1.4</c> (optional); digest: the tag to follow (required).</summary>
    public string? Constraint { get; set; }
    /// <summary>A regular expression a tag must match to be considered.</summary>
    public string? AllowTags { get; set; }
    /// <summary>Regular expressions of tags never considered.</summary>
    public List<string> IgnoreTags { get; set; } = [];

    /// <summary>The stored policy; throws <see cref="ArgumentException"/> for an unknown strategy name.</summary>
    public ImagePolicy ToPolicy() => new()
    {
        Strategy = Images.UpdateStrategies.Parse(Strategy),
        Constraint = string.IsNullOrWhiteSpace(Constraint) ? null : Constraint.Trim(),
        AllowTags = string.IsNullOrEmpty(AllowTags) ? null : AllowTags,
        IgnoreTags = [.. IgnoreTags],
    };
}

/// <summary><c>GitOps:Applications:&lt;i&gt;:ArgoCd</c>.</summary>
public sealed class ApplicationArgoCdOptions
{
    /// <summary>The Argo CD application's name (<c>metadata.name</c>); unset = the console application's name.</summary>
    public string? Application { get; set; }
}

public sealed class IgnoreDifferenceOptions
{
    public string Group { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>Object name; empty matches every object of the kind.</summary>
    public string? Name { get; set; }
    public List<string> JsonPointers { get; set; } = [];
}

public sealed class SyncPolicyOptions
{
    public bool Automated { get; set; } = true;
    public bool SelfHeal { get; set; }
    public bool Prune { get; set; }
}
