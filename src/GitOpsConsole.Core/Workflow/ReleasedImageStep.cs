using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;
using GitOpsConsole.Core.Toolbox;

namespace GitOpsConsole.Core.Workflow;

/// <summary>
/// A GitHub release of the source repository names a version, not an image: the release's own workflow pushes the image,
/// often minutes after the release is published. The run waits (up to the build timeout) for the tag in the registry and
/// deploys it, so a values file never names an image that cannot be pulled. <c>v1.4.0</c> also finds <c>1.4.0</c>, the
/// tag docker/metadata-action's semver pattern writes for it.
/// </summary>
internal sealed class ReleasedImageStep(IRegistryTool registry, WorkflowSettings settings, TimeProvider time)
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    /// <summary>A release of a source repository: an image release that names the repository it came from instead of an image.</summary>
    public static bool Applies(TriggerEvent trigger) => trigger is { Kind: TriggerKind.ImageRelease, Image: null, Repository: not null };

    public Task<string> WaitAsync(StepRecorder steps, Application app, string image, string released, CancellationToken cancellationToken) =>
        steps.RunAsync("registry.list_tags", new { app = app.Name, image, released }, $"Waiting for {image}:{released} in the registry", async ct =>
        {
            var deadline = time.GetUtcNow() + settings.BuildTimeout;
            var wait = FirstWait;
            string[] candidates = released.Length > 1 && released[0] == 'v' && char.IsAsciiDigit(released[1]) ? [released, released[1..]] : [released];
            while (true)
            {
                var tags = (await registry.ListTagsAsync(image, RegistryTagDetails.None, ct)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
                if (candidates.FirstOrDefault(tags.Contains) is { } found)
                {
                    return new StepResult<string>(found, $"The release {released} is in the registry as {image}:{found}");
                }

                if (time.GetUtcNow() >= deadline)
                {
                    throw new InvalidOperationException(
                        $"the release {released} has no image {image}:{string.Join(" or :", candidates)} after {Durations.Describe(settings.BuildTimeout)}: the release's workflow must push it (the registry has {tags.Count} other tags)");
                }

                await Task.Delay(wait, time, ct);
                wait = wait * 2 < LongestWait ? wait * 2 : LongestWait;
            }
        }, cancellationToken);
}
