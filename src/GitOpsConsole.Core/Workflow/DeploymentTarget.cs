using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Core.Workflow;

/// <summary>
/// What a trigger asks to deploy: a commit to build first (push, poll, manual with a commit) or a ready image
/// tag (image release, manual with a tag). Anything else is not deployable and says why.
/// </summary>
public sealed record DeploymentTarget(string? CommitToBuild, string? Tag)
{
    public static DeploymentTarget From(TriggerEvent trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (trigger.Tag is { Length: > 0 } tag)
        {
            // Validated here as well as at ingestion: nothing unvalidated reaches a values file.
            return new DeploymentTarget(null, OciTag.ValidateTag(tag));
        }

        if (trigger.CommitSha is { Length: > 0 } commit)
        {
            return new DeploymentTarget(commit, null);
        }

        throw new ArgumentException($"The {trigger.Kind} event {trigger.Id} names neither a commit to build nor an image tag to deploy.", nameof(trigger));
    }

    /// <summary>The tag part of an image reference <c>host:port/name:tag</c>.</summary>
    public static string TagOf(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? OciTag.ValidateTag(image[(colon + 1)..]) : throw new ArgumentException($"Image '{image}' has no tag.", nameof(image));
    }
}
