using GitOpsConsole.Sandbox.Kubernetes;

namespace GitOpsConsole.Sandbox.Ci;

/// <summary>What a repository's <c>.gitops-ci.yaml</c> declares.</summary>
public sealed record CiDefinition(string ImageName, TagRule TagRule, ImageBehavior Behavior, IReadOnlyList<CiStep> Steps)
{
    public const string FileName = ".gitops-ci.yaml";
}

public sealed record CiStep(string Name, string Run, TimeSpan Timeout);

public enum TagRule
{
    /// <summary>The first 7 characters of the commit SHA.</summary>
    ShortSha,
    /// <summary>The git tag that points at the commit; a commit without one fails the build.</summary>
    GitTag,
}

/// <summary>The CI file is missing or malformed; the message names the problem and where it is.</summary>
public sealed class CiFileException(string message) : Exception(message);
