using GitOpsConsole.Sandbox.Registry;

namespace GitOpsConsole.Sandbox.Ci;

/// <summary>
/// Runs one build from Running to its end: reads the CI file, checks out the commit, runs the steps
/// in order and publishes the image. Each state change goes through <c>update</c>, which persists and
/// announces it before the build moves on.
/// </summary>
internal sealed class BuildExecutor(string repositoryPath, SandboxRegistry registry, TimeProvider time)
{
    private const long MaxLayerBytes = 1 << 20;

    public async Task<BuildRecord> RunAsync(BuildRecord build, BuildLog log, Func<BuildRecord, BuildRecord> update, CancellationToken cancellationToken)
    {
        build = update(build with { Status = BuildStatus.Running, StartedAt = time.GetUtcNow(), Steps = [] });
        CiDefinition definition;
        string tag;
        try
        {
            definition = CommitInspector.ReadDefinition(repositoryPath, build.Commit);
            tag = CommitInspector.TagFor(repositoryPath, build.Commit, definition.TagRule);
            if (!RegistryNames.IsValidTag(tag))
            {
                throw new CiFileException($"The git tag '{tag}' is not a valid image tag (letters, digits, '_', '.', '-').");
            }
        }
        catch (CiFileException ex)
        {
            log.Write(ex.Message);
            return Finish(build, BuildStatus.Failed, ex.Message);
        }

        var image = $"{registry.Host}/{definition.ImageName}:{tag}";
        log.Write($"building {build.Repository} at {build.Commit} as {image}");
        using var checkout = Checkout.Create(repositoryPath, build.Commit, build.Id);
        var environment = new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITOPS_BUILD_ID"] = build.Id,
            ["GITOPS_REPOSITORY"] = build.Repository,
            ["GITOPS_COMMIT"] = build.Commit,
            ["GITOPS_SHORT_SHA"] = build.Commit[..7],
            ["GITOPS_IMAGE"] = image,
            ["GITOPS_IMAGE_TAG"] = tag,
        };
        foreach (var step in definition.Steps)
        {
            log.Write($"==> {step.Name}: {step.Run}");
            var started = time.GetUtcNow();
            build = update(build with { Steps = [.. build.Steps ?? [], new StepRecord(step.Name, BuildStatus.Running, started)] });
            var outcome = await StepRunner.RunAsync(step, checkout.Path, environment, log.Write, time, cancellationToken);
            build = update(build with { Steps = [.. build.Steps!.SkipLast(1), new StepRecord(step.Name, outcome.Status, started, time.GetUtcNow(), outcome.ExitCode)] });
            if (outcome.Status != BuildStatus.Succeeded)
            {
                var reason = outcome.Status switch
                {
                    BuildStatus.TimedOut => $"Step '{step.Name}' timed out after {step.Timeout.TotalSeconds:0.###} s.",
                    BuildStatus.Cancelled => $"Cancelled during step '{step.Name}'.",
                    _ => $"Step '{step.Name}' failed with exit code {outcome.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}.",
                };
                return Finish(build, outcome.Status, reason);
            }
        }

        var published = await registry.PublishAsync(new ImagePublication(definition.ImageName, tag, definition.Behavior,
            new Dictionary<string, string>
            {
                ["org.opencontainers.image.revision"] = build.Commit,
                ["org.opencontainers.image.source"] = build.Repository,
            },
            LayerFiles(checkout.Path)), cancellationToken);
        log.Write($"published {published.Reference} ({published.Digest}, runtime {definition.Behavior.Runtime.ToString().ToLowerInvariant()})");
        return Finish(build with { Image = published.Reference, ImageDigest = published.Digest }, BuildStatus.Succeeded, null);
    }

    private BuildRecord Finish(BuildRecord build, BuildStatus status, string? error) =>
        build with { Status = status, FinishedAt = time.GetUtcNow(), Error = error };

    /// <summary>The image's one layer carries the application folder, when it is small enough to be a sample.</summary>
    private static Dictionary<string, byte[]> LayerFiles(string checkout)
    {
        var app = Path.Combine(checkout, "app");
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(app))
        {
            return files;
        }
        long total = 0;
        foreach (var file in Directory.EnumerateFiles(app, "*", SearchOption.AllDirectories))
        {
            total += new FileInfo(file).Length;
            if (total > MaxLayerBytes)
            {
                break;
            }
            files[Path.GetRelativePath(checkout, file).Replace(Path.DirectorySeparatorChar, '/')] = File.ReadAllBytes(file);
        }
        return files;
    }
}
