using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Core.Ingestion;

/// <summary>What ingestion decided for one application (or for none).</summary>
public sealed record MatchDecision(string? Application, EventDecision Decision, string? Reason);

/// <summary>
/// Matches an event to the applications it concerns: pushes by repository and branch, images by
/// image repository, source releases by repository, manual events by name. An event that concerns none is ignored with the reason.
/// </summary>
public static class EventMatcher
{
    public static IReadOnlyList<MatchDecision> Match(IncomingEvent incoming, IReadOnlyList<Application> applications)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(applications);
        if (incoming.Application is { } named)
        {
            return applications.Any(a => a.Name == named)
                ? [new MatchDecision(named, EventDecision.Accepted, null)]
                : [new MatchDecision(null, EventDecision.Ignored, $"no application named '{named}'")];
        }

        return incoming.Kind switch
        {
            TriggerKind.ImageRelease => ByImage(incoming, applications),
            _ => ByRepository(incoming, applications),
        };
    }

    private static IReadOnlyList<MatchDecision> ByRepository(IncomingEvent incoming, IReadOnlyList<Application> applications)
    {
        if (incoming.Repository is null)
        {
            return [Ignored("the event names no repository")];
        }

        var repository = RepositoryAddress.Normalize(incoming.Repository);
        var sameRepository = applications.Where(a => RepositoryAddress.Normalize(a.RepositoryUrl) == repository).ToList();
        if (sameRepository.Count == 0)
        {
            return [Ignored($"no application deploys from {incoming.Repository}")];
        }

        if (incoming.Kind == TriggerKind.PullRequest)
        {
            return [.. sameRepository.Select(a => new MatchDecision(a.Name, EventDecision.Accepted, null))];
        }

        var branch = BranchOf(incoming.Ref);
        var matched = sameRepository.Where(a => a.Branch == branch).ToList();
        if (matched.Count > 0 && Runs.RunTrailers.RunOf(incoming.Message) is { } run)
        {
            // The console's own deploy or rollback commit: the run that made it syncs it; another run would loop.
            return [.. matched.Select(a => new MatchDecision(a.Name, EventDecision.Ignored, $"a commit the console made for run {run}; that run deploys it"))];
        }

        return matched.Count > 0
            ? [.. matched.Select(a => new MatchDecision(a.Name, EventDecision.Accepted, null))]
            : [Ignored($"{incoming.Ref ?? "no ref"} is not a deployed branch ({string.Join(", ", sameRepository.Select(a => $"{a.Name} follows {a.Branch}"))})")];
    }

    private static IReadOnlyList<MatchDecision> ByImage(IncomingEvent incoming, IReadOnlyList<Application> applications)
    {
        if (incoming is { Image: null, Repository: { } source })
        {
            // A release of a source repository: every application built from it, whichever branch it follows.
            var released = applications.Where(a => RepositoryAddress.Normalize(a.RepositoryUrl) == RepositoryAddress.Normalize(source)).ToList();
            return released.Count > 0
                ? [.. released.Select(a => new MatchDecision(a.Name, EventDecision.Accepted, null))]
                : [Ignored($"no application is built from {source}")];
        }

        if (incoming.Image is null)
        {
            return [Ignored("the event names no image")];
        }

        if (incoming.Tag is not null && !OciTag.IsValidTag(incoming.Tag))
        {
            return [Ignored($"'{incoming.Tag}' is not a valid OCI tag")];
        }

        var image = ImageReference.Parse(incoming.Image).Repository;
        var matched = applications.Where(a => a.ImageRepository is { } own && SameImage(own, image)).ToList();
        return matched.Count > 0
            ? [.. matched.Select(a => new MatchDecision(a.Name, EventDecision.Accepted, null))]
            : [Ignored($"no application follows the image {image}")];
    }

    // Sandbox images are named by the registry's loopback address, which the configuration spells as sandbox:<name>.
    private static bool SameImage(string configured, string image) =>
        configured.StartsWith("sandbox:", StringComparison.OrdinalIgnoreCase)
            ? image.EndsWith("/" + configured["sandbox:".Length..].ToLowerInvariant(), StringComparison.Ordinal)
            : ImageReference.Parse(configured).Repository == image;

    private static string? BranchOf(string? reference) =>
        reference is not null && reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;

    private static MatchDecision Ignored(string reason) => new(null, EventDecision.Ignored, reason);
}
